import rule from '../../../src/rules/compose/container-name-fixed.js';
import { composeRuleTester } from '../../helpers/compose-tester.js';

composeRuleTester(rule, {
  valid: ['services:\n  a:\n    image: x:1\n', { name: 'unknown', code: 'services:\n  a:\n    image: x:1\n    container_name: ${NAME}\n' }],
  invalid: [{ code: 'services:\n  a:\n    image: x:1\n    container_name: app-a\n', errors: [{ line: 4, column: 21, endColumn: 26 }] }],
});
