import rule from '../../../src/rules/dockerfile/zypper-cache-not-cleaned.js';
import { describe, expect, it } from 'vitest';
import { ruleTester, runRule } from '../../helpers/rule-tester.js';

ruleTester(rule, {
  valid: [
    { name: 'a build stage whose layers are not shipped', code: 'FROM opensuse/leap:15.6 AS build\nRUN zypper -n install gcc=7\nFROM opensuse/leap:15.6\nCOPY --from=build /out /out\n' },
    'FROM opensuse/leap:15.6\nRUN zypper -n install curl=8.6.0 && zypper clean -a\n',
    'FROM opensuse/leap:15.6\nRUN zypper -n in curl=8.6.0 && zypper cc -a\n',
    'FROM opensuse/leap:15.6\nRUN zypper -n in curl=8.6.0 && rm -rf /var/cache/zypp/*\n',
    { name: 'cache mount', code: 'FROM opensuse/leap:15.6\nRUN --mount=type=cache,target=/var/cache/zypp zypper -n install curl=8.6.0\n' },
    { name: 'not a cache-filling command', code: 'FROM opensuse/leap:15.6\nRUN zypper -n remove vim\n' },
  ],
  invalid: [
    { name: 'no fix with --root: the cache is under the root', code: 'FROM opensuse/leap:15.6\nRUN zypper --root /sysroot -n install bash=5\n', errors: [{ line: 2, column: 5 }], output: 'FROM opensuse/leap:15.6\nRUN zypper --root /sysroot -n install bash=5\n' },
    { name: 'a stage the final stage is built FROM', code: 'FROM opensuse/leap:15.6 AS base\nRUN zypper -n install gcc=7\nFROM base\n', errors: [{ line: 2, column: 5 }] },
    {
      code: 'FROM opensuse/leap:15.6\nRUN zypper -n install curl=8.6.0\n',
      errors: [{ line: 2, column: 5, endLine: 2, endColumn: 22, message: '`zypper install` leaves its cache in this layer' }],
      output: 'FROM opensuse/leap:15.6\nRUN zypper -n install curl=8.6.0 && zypper clean -a\n',
    },
    {
      name: 'clean before the install',
      code: 'FROM opensuse/leap:15.6\nRUN zypper clean -a && \\\n    zypper -n up\n',
      errors: [{ line: 3, column: 5, endLine: 3, endColumn: 17, message: '`zypper up`' }],
      output: 'FROM opensuse/leap:15.6\nRUN zypper clean -a && \\\n    zypper -n up && zypper clean -a\n',
    },
    {
      name: 'the clean follows the last zypper command',
      code: 'FROM opensuse/leap:15.6\nRUN zypper -n in curl=8.6.0 && zypper -n in git=2.43 && echo ok\n',
      errors: [{ line: 2, column: 5, endColumn: 17 }],
      output: 'FROM opensuse/leap:15.6\nRUN zypper -n in curl=8.6.0 && zypper -n in git=2.43 && zypper clean -a && echo ok\n',
    },
    {
      name: 'a tmpfs mount elsewhere does not count',
      code: 'FROM opensuse/leap:15.6\nRUN --mount=type=tmpfs,target=/tmp zypper -n in curl=8.6.0\n',
      errors: [{ line: 2, column: 36, endColumn: 48 }],
    },
    {
      name: 'ONBUILD trigger',
      code: 'FROM opensuse/leap:15.6\nONBUILD RUN zypper -n in curl=8.6.0\n',
      errors: [{ line: 2, column: 13, endColumn: 25 }],
    },
  ],
});

describe('DF036 fix', () => {
  it('is withheld inside a subshell', () => {
    const found = runRule(rule, { code: 'FROM opensuse/leap:15.6\nRUN (zypper -n in jq=1.7)\n' });
    expect(found).toHaveLength(1);
    expect(found[0].fix).toBeUndefined();
  });
});
