import rule from '../../../src/rules/compose/container-name-invalid.js';
import { composeRuleTester } from '../../helpers/compose-tester.js';

composeRuleTester(rule, {
  valid: ['services:\n  a:\n    image: x:1\n    container_name: my_app.1-a\n'],
  invalid: [
    { code: 'services:\n  a:\n    image: x:1\n    container_name: "-app"\n', errors: [{ line: 4, column: 21, endColumn: 27 }] },
    { code: 'services:\n  a:\n    image: x:1\n    container_name: a\n', errors: [{ line: 4, column: 21 }] },
  ],
});
