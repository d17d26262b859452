import rule from '../../../src/rules/dockerfile/sudo-in-run.js';
import { describe, expect, it } from 'vitest';
import { ruleTester, runRule } from '../../helpers/rule-tester.js';

ruleTester(rule, {
  valid: [
    'FROM debian:12-slim\nRUN apt-get install -y sudo\n',
    'FROM debian:12-slim\nRUN echo "app ALL=(ALL) NOPASSWD: ALL" > /etc/sudoers.d/app\n',
    'FROM debian:12-slim\nENTRYPOINT ["sudo", "-u", "app", "run"]\n',
  ],
  invalid: [
    {
      code: 'FROM debian:12-slim\nRUN sudo apt-get update\n',
      errors: [{ line: 2, column: 5, endLine: 2, endColumn: 9, message: 'Do not use sudo' }],
      output: 'FROM debian:12-slim\nRUN apt-get update\n',
    },
    {
      name: 'continuation line, full path',
      code: 'FROM debian:12-slim\nRUN mkdir -p /data && \\\n    /usr/bin/sudo chown app /data\n',
      errors: [{ line: 3, column: 5, endLine: 3, endColumn: 18 }],
      output: 'FROM debian:12-slim\nRUN mkdir -p /data && \\\n    chown app /data\n',
    },
    {
      name: 'USER root, options that change nothing for root',
      code: 'FROM acme/base:1\nUSER 0:0\nRUN sudo -E -H -- make install\n',
      errors: [{ line: 3, column: 5 }],
      output: 'FROM acme/base:1\nUSER 0:0\nRUN make install\n',
    },
    {
      name: 'exec form',
      code: 'FROM debian:12-slim\nRUN ["sudo", "make", "install"]\n',
      errors: [{ line: 2, column: 6, endColumn: 12 }],
      output: 'FROM debian:12-slim\nRUN ["make", "install"]\n',
    },
    {
      name: 'ONBUILD trigger',
      code: 'FROM debian:12-slim\nONBUILD RUN sudo make install\n',
      errors: [{ line: 2, column: 13, endColumn: 17 }],
    },
  ],
});

describe('DF008 fix', () => {
  it.each([
    ['after USER app', 'FROM debian:12-slim\nUSER app\nRUN sudo make install\n'],
    ['in a stage built on one that switched user', 'FROM debian:12-slim AS base\nUSER app\nFROM base\nRUN sudo make install\n'],
    ['on a base image whose user is not known', 'FROM acme/base:1\nRUN sudo make install\n'],
    ['with sudo -u, which changes the user', 'FROM debian:12-slim\nRUN sudo -u postgres psql -c "select 1"\n'],
    ['in an ONBUILD trigger (the child image decides the user)', 'FROM debian:12-slim\nONBUILD RUN sudo make install\n'],
    ['for a bare sudo', 'FROM debian:12-slim\nRUN sudo\n'],
    ['with -H where an ENV set HOME elsewhere (root-owned files in the user\'s home)', 'FROM debian:12-slim\nENV HOME=/home/gitpod\nUSER root\nRUN sudo -H pip3 install --no-cache-dir x==1\n'],
  ])('is not offered %s', (_, code) => {
    const found = runRule(rule, { code });
    expect(found).toHaveLength(1);
    expect(found[0].fix).toBeUndefined();
  });
});
