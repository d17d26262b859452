import rule from '../../../src/rules/compose/project-name-missing.js';
import { composeRuleTester } from '../../helpers/compose-tester.js';

composeRuleTester(rule, {
  valid: ['name: shop\nservices:\n  a:\n    image: x:1\n', { name: 'name in an override', main: ['compose.yaml', 'o.yaml'], files: { 'compose.yaml': 'services:\n  a:\n    image: x:1\n', 'o.yaml': 'name: shop\n' } }],
  invalid: [{ code: '# comment\nservices:\n  a:\n    image: x:1\n', errors: [{ line: 1, column: 1 }] }],
});
