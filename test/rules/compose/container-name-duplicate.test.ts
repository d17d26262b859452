import rule from '../../../src/rules/compose/container-name-duplicate.js';
import { composeRuleTester } from '../../helpers/compose-tester.js';

composeRuleTester(rule, {
  valid: [
    'services:\n  a:\n    image: x:1\n    container_name: one\n  b:\n    image: x:1\n    container_name: two\n',
    { name: 'profiles that never run together', code: 'services:\n  a:\n    image: x:1\n    container_name: app\n    profiles: [dev]\n  b:\n    image: x:1\n    container_name: app\n    profiles: [prod]\n' },
    { name: 'different expressions with unset variables', code: 'services:\n  a:\n    image: x:1\n    container_name: ${A_NAME}\n  b:\n    image: x:1\n    container_name: ${B_NAME}\n' },
    { name: 'an expression and a literal name', code: 'services:\n  a:\n    image: x:1\n    container_name: ${NAME}\n  b:\n    image: x:1\n    container_name: app\n' },
    { name: 'the same expression in profiles that never run together', code: 'services:\n  a:\n    image: x:1\n    container_name: ${NAME}\n    profiles: [dev]\n  b:\n    image: x:1\n    container_name: ${NAME}\n    profiles: [prod]\n' },
  ],
  invalid: [
    {
      name: 'the same expression with an unset variable',
      code: 'services:\n  test:\n    image: x:1\n    container_name: ${FIXED_NAME}\n  another_test:\n    image: x:1\n    container_name: "${FIXED_NAME}"\n',
      errors: [{ line: 7, column: 21, endLine: 7, endColumn: 36, message: 'Service "another_test" uses container_name ${FIXED_NAME}, as service "test" does: whatever the variable holds, the two names are the same and the second container will not start.' }],
    },
    {
      name: 'the same expression resolved by a variable',
      env: { FIXED_NAME: 'x' },
      code: 'services:\n  test:\n    image: x:1\n    container_name: ${FIXED_NAME}\n  another_test:\n    image: x:1\n    container_name: ${FIXED_NAME}\n',
      errors: [{ line: 7, column: 21, endColumn: 34, message: 'uses container_name "x", already used by service "test"' }],
    },
    { code: 'services:\n  a:\n    image: x:1\n    container_name: app\n  b:\n    image: x:1\n    container_name: app\n', errors: [{ line: 7, column: 21, endColumn: 24, message: 'already used by service "a"' }] },
  ],
});
