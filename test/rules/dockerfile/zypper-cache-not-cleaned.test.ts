import rule from '../../../src/rules/dockerfile/zypper-cache-not-cleaned.js';
import { ruleTester } from '../../helpers/rule-tester.js';

ruleTester(rule, {
  valid: [
    'FROM opensuse/leap:15.6\nRUN zypper -n install curl=8.6.0 && zypper clean -a\n',
    'FROM opensuse/leap:15.6\nRUN zypper -n in curl=8.6.0 && zypper cc -a\n',
    'FROM opensuse/leap:15.6\nRUN zypper -n in curl=8.6.0 && rm -rf /var/cache/zypp/*\n',
    { name: 'cache mount', code: 'FROM opensuse/leap:15.6\nRUN --mount=type=cache,target=/var/cache/zypp zypper -n install curl=8.6.0\n' },
    { name: 'not a cache-filling command', code: 'FROM opensuse/leap:15.6\nRUN zypper -n remove vim\n' },
  ],
  invalid: [
    {
      code: 'FROM opensuse/leap:15.6\nRUN zypper -n install curl=8.6.0\n',
      errors: [{ line: 2, column: 5, endLine: 2, endColumn: 22, message: '`zypper install` leaves its cache in this layer' }],
    },
    {
      name: 'clean before the install',
      code: 'FROM opensuse/leap:15.6\nRUN zypper clean -a && \\\n    zypper -n up\n',
      errors: [{ line: 3, column: 5, endLine: 3, endColumn: 17, message: '`zypper up`' }],
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
