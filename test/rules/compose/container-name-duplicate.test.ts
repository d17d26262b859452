import rule from '../../../src/rules/compose/container-name-duplicate.js';
import { composeRuleTester } from '../../helpers/compose-tester.js';

composeRuleTester(rule, {
  valid: [
    'services:\n  a:\n    image: x:1\n    container_name: one\n  b:\n    image: x:1\n    container_name: two\n',
    { name: 'profiles that never run together', code: 'services:\n  a:\n    image: x:1\n    container_name: app\n    profiles: [dev]\n  b:\n    image: x:1\n    container_name: app\n    profiles: [prod]\n' },
  ],
  invalid: [
    { code: 'services:\n  a:\n    image: x:1\n    container_name: app\n  b:\n    image: x:1\n    container_name: app\n', errors: [{ line: 7, column: 21, endColumn: 24, message: 'already used by service "a"' }] },
  ],
});
