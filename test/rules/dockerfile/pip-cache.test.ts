import { describe, expect, it } from 'vitest';
import rule from '../../../src/rules/dockerfile/pip-cache.js';
import { runRule, ruleTester } from '../../helpers/rule-tester.js';

ruleTester(rule, {
  valid: [
    { name: 'a build stage whose layers are not shipped', code: 'FROM python:3.12-slim AS build\nRUN pip wheel -r requirements.txt -w /wheels && pip install build==1.2.1\nFROM python:3.12-slim\nCOPY --from=build /wheels /wheels\nRUN pip install --no-cache-dir /wheels/*\n' },
    'FROM python:3.12\nRUN pip install --no-cache-dir flask==3\n',
    'FROM python:3.12\nRUN pip --no-cache-dir install flask==3\n',
    'FROM python:3.12\nRUN python3 -m pip install --no-cache flask==3\n',
    { name: 'ENV in scope', code: 'FROM python:3.12\nENV PIP_NO_CACHE_DIR=1\nRUN pip install flask==3\n' },
    { name: 'ENV inherited from a parent stage', code: 'FROM python:3.12 AS base\nENV PIP_NO_CACHE_DIR=off\nFROM base\nRUN pip install flask==3\n' },
    { name: 'ARG is in the environment of RUN too', code: 'FROM python:3.12\nARG PIP_NO_CACHE_DIR=true\nRUN pip install flask==3\n' },
    { name: 'variable set in the script', code: 'FROM python:3.12\nRUN PIP_NO_CACHE_DIR=1 pip install flask==3\n' },
    'FROM python:3.12\nRUN export PIP_NO_CACHE_DIR=true && pip install flask==3\n',
    { name: 'cache mount', code: 'FROM python:3.12\nRUN --mount=type=cache,target=/root/.cache/pip pip install flask==3\n' },
    { name: 'cache mount on ~/.cache', code: 'FROM python:3.12\nRUN --mount=type=cache,target=/root/.cache pip install flask==3\n' },
    { name: 'cache mount on PIP_CACHE_DIR', code: 'FROM python:3.12\nENV PIP_CACHE_DIR=/pipcache\nRUN --mount=type=cache,target=/pipcache pip install flask==3\n' },
    { name: 'cache mount on --cache-dir', code: 'FROM python:3.12\nRUN --mount=type=cache,target=/pc pip install --cache-dir /pc flask==3\n' },
    { name: 'cache mount on the home of the USER', code: 'FROM python:3.12\nUSER app\nRUN --mount=type=cache,target=/home/app/.cache/pip pip install flask==3\n' },
    { name: 'cache mount on HOME/.cache', code: 'FROM python:3.12\nENV HOME=/home/app\nUSER app\nRUN --mount=type=cache,target=/home/app/.cache pip install flask==3\n' },
    { name: 'cache mount on XDG_CACHE_HOME', code: 'FROM python:3.12\nENV XDG_CACHE_HOME=/cache\nUSER 1000\nRUN --mount=type=cache,target=/cache pip install flask==3\n' },
    { name: 'sudo runs pip as root, whose cache is mounted', code: 'FROM python:3.12\nUSER app\nRUN --mount=type=cache,target=/root/.cache/pip sudo pip install flask==3\n' },
    'FROM python:3.12\nRUN pipx install black && pipenv install && python -m pipx install ruff\n',
    'FROM python:3.12\nRUN pip download flask && pip freeze\n',
  ],
  invalid: [
    {
      name: 'no fix on distribution releases whose packaged pip predates --no-cache-dir',
      code: 'FROM ubuntu:14.04\nRUN apt-get update && apt-get install -y python-pip && pip install requests==2.0.0\n',
      errors: [{ line: 2, column: 56 }],
      output: 'FROM ubuntu:14.04\nRUN apt-get update && apt-get install -y python-pip && pip install requests==2.0.0\n',
    },
    {
      name: 'no fix on debian jessie',
      code: 'FROM debian:jessie-slim\nRUN pip install requests==2.0.0\n',
      errors: [{ line: 2, column: 5 }],
      output: 'FROM debian:jessie-slim\nRUN pip install requests==2.0.0\n',
    },
    { name: 'no fix with --cache-dir, which would win over an inserted --no-cache-dir', code: 'FROM python:3.12\nRUN pip install --cache-dir /tmp/pipcache flask==3.0.3\n', errors: [{ line: 2, column: 5 }], output: 'FROM python:3.12\nRUN pip install --cache-dir /tmp/pipcache flask==3.0.3\n' },
    { name: 'a stage the final stage is built FROM', code: 'FROM python:3.12-slim AS base\nRUN pip install flask==3.0.3\nFROM base\nUSER 1000\n', errors: [{ line: 2, column: 5, endColumn: 16 }] },
    {
      name: 'no fix on python images whose pip predates --no-cache-dir (2.7.8)',
      code: 'FROM python:2.7.8\nONBUILD RUN pip install -r requirements.txt\n',
      errors: [{ line: 2, column: 13, endColumn: 24 }],
    },
    {
      name: 'no fix on python images whose pip predates --no-cache-dir (3.4.2)',
      code: 'FROM python:3.4.2\nRUN pip install flask==0.10\n',
      errors: [{ line: 2, column: 5, endColumn: 16 }],
    },
    {
      name: 'the fix on 2.7.9',
      code: 'FROM python:2.7.9\nRUN pip install a==1\n',
      errors: [{ line: 2, column: 5 }],
      output: 'FROM python:2.7.9\nRUN pip install --no-cache-dir a==1\n',
    },
    {
      name: 'the fix on minor-only tags',
      code: 'FROM python:3.4\nRUN pip install b==1\n',
      errors: [{ line: 2, column: 5 }],
      output: 'FROM python:3.4\nRUN pip install --no-cache-dir b==1\n',
    },
    {
      code: 'FROM python:3.12\nRUN pip install flask==3\n',
      errors: [{ line: 2, column: 5, endLine: 2, endColumn: 16, message: '`pip install`' }],
      output: 'FROM python:3.12\nRUN pip install --no-cache-dir flask==3\n',
    },
    {
      name: 'python -m pip on a continuation line',
      code: 'FROM python:3.12\nRUN set -e && \\\n    python3.12 -m pip install -U pip==24.0\n',
      errors: [{ line: 3, column: 5, endLine: 3, endColumn: 30, message: '`python3.12 -m pip install`' }],
      output: 'FROM python:3.12\nRUN set -e && \\\n    python3.12 -m pip install --no-cache-dir -U pip==24.0\n',
    },
    {
      name: 'global options with values before install',
      code: 'FROM python:3.12\nRUN pip3 --timeout 30 install -r requirements.txt\n',
      errors: [{ line: 2, column: 5, endColumn: 30 }],
      output: 'FROM python:3.12\nRUN pip3 --timeout 30 install --no-cache-dir -r requirements.txt\n',
    },
    {
      name: 'ENV set in another stage does not apply',
      code: 'FROM python:3.12 AS other\nENV PIP_NO_CACHE_DIR=1\nFROM python:3.12\nRUN pip install flask==3\n',
      errors: [{ line: 4, column: 5 }],
    },
    {
      name: 'a mount on an unrelated cache',
      code: 'FROM python:3.12\nRUN --mount=type=cache,target=/root/.npm pip install flask==3\n',
      errors: [{ line: 2, column: 42 }],
    },
    {
      name: "a mount on root's cache while a USER that is not root runs pip: no fix (the mount was meant to cache)",
      code: 'FROM python:3.12\nUSER app\nRUN --mount=type=cache,target=/root/.cache/pip pip install flask==3\n',
      errors: [{ line: 3, column: 48, endColumn: 59, message: 'the cache mount on /root/.cache/pip is not where pip caches here (~app/.cache/pip)' }],
      output: 'FROM python:3.12\nUSER app\nRUN --mount=type=cache,target=/root/.cache/pip pip install flask==3\n',
    },
    {
      name: "a mount on a user's cache while root runs pip",
      code: 'FROM python:3.12\nUSER root\nRUN --mount=type=cache,target=/home/app/.cache/pip pip install flask==3\n',
      errors: [{ line: 3, column: 52, message: 'not where pip caches here (/root/.cache/pip)' }],
    },
    {
      name: 'a mount on ~/.cache/pip while PIP_CACHE_DIR puts the cache elsewhere',
      code: 'FROM python:3.12\nENV PIP_CACHE_DIR=/pipcache\nRUN --mount=type=cache,target=/root/.cache/pip pip install flask==3\n',
      errors: [{ line: 3, column: 48, message: 'not where pip caches here (/pipcache)' }],
    },
    {
      name: 'exec form',
      code: 'FROM python:3.12\nRUN ["pip", "install", "flask==3"]\n',
      errors: [{ line: 2, column: 6, endColumn: 22 }],
      output: 'FROM python:3.12\nRUN ["pip", "install", "--no-cache-dir", "flask==3"]\n',
    },
    {
      name: 'ONBUILD trigger',
      code: 'FROM python:3.12\nONBUILD RUN pip install flask==3\n',
      errors: [{ line: 2, column: 13 }],
      output: 'FROM python:3.12\nONBUILD RUN pip install --no-cache-dir flask==3\n',
    },
  ],
});

describe('DF041 fix on old python images', () => {
  it('is withheld where pip predates --no-cache-dir', () => {
    for (const code of ['FROM python:2.7.8\nONBUILD RUN pip install -r requirements.txt\n', 'FROM python:3.4.2\nRUN pip install flask==0.10\n']) {
      const found = runRule(rule, { code });
      expect(found).toHaveLength(1);
      expect(found[0].fix).toBeUndefined();
    }
  });
});
