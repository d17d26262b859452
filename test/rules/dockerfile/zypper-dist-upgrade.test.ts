import rule from '../../../src/rules/dockerfile/zypper-dist-upgrade.js';
import { ruleTester } from '../../helpers/rule-tester.js';

ruleTester(rule, {
  valid: [
    'FROM opensuse/leap:15.6\nRUN zypper -n patch && zypper clean -a\n',
    'FROM opensuse/leap:15.6\nRUN zypper -n update && zypper clean -a\n',
    'FROM opensuse/leap:15.6\nRUN zypper -n install dup-tool=1.0\n',
    'FROM opensuse/leap:15.6\nRUN echo zypper dup\n',
  ],
  invalid: [
    {
      code: 'FROM opensuse/leap:15.6\nRUN zypper -n dist-upgrade\n',
      errors: [{ line: 2, column: 15, endLine: 2, endColumn: 27, message: '`zypper dist-upgrade` upgrades the whole distribution' }],
    },
    {
      name: 'dup after a global option with a value, on a continuation line',
      code: 'FROM opensuse/tumbleweed\nRUN zypper -n ref && \\\n    zypper --root /mnt -n dup --no-recommends\n',
      errors: [{ line: 3, column: 27, endLine: 3, endColumn: 30, message: '`zypper dup`' }],
    },
    {
      name: 'ONBUILD trigger',
      code: 'FROM opensuse/leap:15.6\nONBUILD RUN zypper -n dup\n',
      errors: [{ line: 2, column: 23, endColumn: 26 }],
    },
  ],
});
