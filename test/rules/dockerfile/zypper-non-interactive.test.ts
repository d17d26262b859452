import rule from '../../../src/rules/dockerfile/zypper-non-interactive.js';
import { ruleTester } from '../../helpers/rule-tester.js';

ruleTester(rule, {
  valid: [
    'FROM opensuse/leap:15.6\nRUN zypper -n install curl\n',
    'FROM opensuse/leap:15.6\nRUN zypper --non-interactive in curl\n',
    'FROM opensuse/leap:15.6\nRUN zypper install -y curl\n',
    'FROM opensuse/leap:15.6\nRUN zypper rm --no-confirm vim\n',
    'FROM opensuse/leap:15.6\nRUN zypper -qn patch\n',
    { name: 'read-only or non-prompting subcommands', code: 'FROM opensuse/leap:15.6\nRUN zypper refresh && zypper clean -a && zypper search curl\n' },
    { name: 'global option values are skipped', code: 'FROM opensuse/leap:15.6\nRUN zypper --root /target -n install curl\n' },
  ],
  invalid: [
    {
      code: 'FROM opensuse/leap:15.6\nRUN zypper install curl\n',
      errors: [{ line: 2, column: 5, endLine: 2, endColumn: 19, message: '`zypper install` without -n/-y' }],
      output: 'FROM opensuse/leap:15.6\nRUN zypper -n install curl\n',
    },
    {
      name: 'short aliases and update-like commands',
      code: 'FROM opensuse/leap:15.6\nRUN zypper ref && zypper up && zypper --quiet si -d curl\n',
      errors: [
        { line: 2, column: 19, endColumn: 28, message: '`zypper up`' },
        { line: 2, column: 32, endColumn: 49, message: '`zypper si`' },
      ],
      output: 'FROM opensuse/leap:15.6\nRUN zypper ref && zypper -n up && zypper -n --quiet si -d curl\n',
    },
    {
      name: 'continuation line',
      code: 'FROM opensuse/leap:15.6\nRUN zypper -n ref && \\\n    zypper remove vim\n',
      errors: [{ line: 3, column: 5, endLine: 3, endColumn: 18 }],
      output: 'FROM opensuse/leap:15.6\nRUN zypper -n ref && \\\n    zypper -n remove vim\n',
    },
    {
      name: 'exec form',
      code: 'FROM opensuse/leap:15.6\nRUN ["zypper", "install", "curl"]\n',
      errors: [{ line: 2, column: 6, endColumn: 25 }],
      output: 'FROM opensuse/leap:15.6\nRUN ["zypper", "-n", "install", "curl"]\n',
    },
    {
      name: 'ONBUILD trigger',
      code: 'FROM opensuse/leap:15.6\nONBUILD RUN zypper in curl\n',
      errors: [{ line: 2, column: 13, endColumn: 22 }],
    },
  ],
});
