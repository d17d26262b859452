import rule from '../../../src/rules/dockerfile/healthcheck-multiple.js';
import { ruleTester } from '../../helpers/rule-tester.js';

ruleTester(rule, {
  valid: [
    'FROM nginx:1.27\nHEALTHCHECK CMD ["curl", "-f", "http://localhost/"]\n',
    { name: 'one per stage', code: 'FROM nginx:1.27 AS a\nHEALTHCHECK NONE\nFROM nginx:1.27\nHEALTHCHECK CMD ["curl", "-f", "http://localhost/"]\n' },
    { name: 'ONBUILD HEALTHCHECK applies to child images', code: 'FROM nginx:1.27\nHEALTHCHECK NONE\nONBUILD HEALTHCHECK CMD ["true"]\n' },
  ],
  invalid: [
    {
      code: 'FROM nginx:1.27\nHEALTHCHECK CMD ["curl", "-f", "http://localhost/"]\nRUN true\nHEALTHCHECK --interval=5s CMD ["true"]\n',
      errors: [{ line: 4, column: 1, endLine: 4, endColumn: 12, message: 'line 2' }],
      output: 'FROM nginx:1.27\nRUN true\nHEALTHCHECK --interval=5s CMD ["true"]\n',
    },
    {
      name: 'HEALTHCHECK NONE counts too; every extra one is reported',
      code: 'FROM nginx:1.27\nHEALTHCHECK NONE\nHEALTHCHECK CMD ["a"]\n  healthcheck CMD ["b"]\n',
      errors: [{ line: 3, column: 1 }, { line: 4, column: 3, endColumn: 14 }],
      output: 'FROM nginx:1.27\n  healthcheck CMD ["b"]\n',
    },
  ],
});
