import rule from '../../../src/rules/compose/version-obsolete.js';
import { composeRuleTester } from '../../helpers/compose-tester.js';

composeRuleTester(rule, {
  valid: ['services:\n  a:\n    image: x:1\n'],
  invalid: [
    {
      code: '# stack\nversion: "3.8"\n\nservices:\n  a:\n    image: x:1\n',
      errors: [{ line: 2, column: 1, endColumn: 8 }],
      output: '# stack\n\nservices:\n  a:\n    image: x:1\n',
    },
    {
      name: 'in an override file',
      main: ['compose.yaml', 'compose.override.yaml'],
      files: { 'compose.yaml': 'services:\n  a:\n    image: x:1\n', 'compose.override.yaml': "version: '2.4'\nservices:\n  a:\n    init: true\n" },
      errors: [{ file: 'compose.override.yaml', line: 1, column: 1 }],
      outputs: { 'compose.override.yaml': 'services:\n  a:\n    init: true\n' },
    },
  ],
});
