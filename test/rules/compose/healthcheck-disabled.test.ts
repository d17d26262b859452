import rule from '../../../src/rules/compose/healthcheck-disabled.js';
import { composeRuleTester } from '../../helpers/compose-tester.js';

composeRuleTester(rule, {
  valid: ['services:\n  a:\n    image: x:1\n    healthcheck:\n      test: ["CMD", "true"]\n      disable: false\n', 'services:\n  a:\n    image: x:1\n'],
  invalid: [
    { code: 'services:\n  a:\n    image: x:1\n    healthcheck:\n      disable: true\n', errors: [{ line: 5, column: 16, endColumn: 20 }] },
    { code: 'services:\n  a:\n    image: x:1\n    healthcheck:\n      test: ["NONE"]\n', errors: [{ line: 5, column: 13, endColumn: 21 }] },
    { code: 'services:\n  a:\n    image: x:1\n    healthcheck:\n      test: NONE\n', errors: [{ line: 5, column: 13 }] },
    {
      name: 'disabled in an override file',
      main: ['compose.yaml', 'dev.yaml'],
      files: { 'compose.yaml': 'services:\n  a:\n    image: x:1\n    healthcheck:\n      test: ["CMD", "true"]\n', 'dev.yaml': 'services:\n  a:\n    healthcheck:\n      disable: true\n' },
      errors: [{ file: 'dev.yaml', line: 4, column: 16 }],
    },
  ],
});
