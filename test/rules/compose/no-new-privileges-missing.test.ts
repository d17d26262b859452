import rule from '../../../src/rules/compose/no-new-privileges-missing.js';
import { composeRuleTester } from '../../helpers/compose-tester.js';

composeRuleTester(rule, {
  valid: [
    'services:\n  a:\n    image: x:1\n    security_opt: [no-new-privileges:true]\n',
    'services:\n  a:\n    image: x:1\n    security_opt: ["no-new-privileges=true"]\n',
    'services:\n  a:\n    image: x:1\n    security_opt:\n      - no-new-privileges\n',
    { name: 'unknown option', code: 'services:\n  a:\n    image: x:1\n    security_opt: ["${OPT}"]\n' },
  ],
  invalid: [
    {
      code: 'services:\n  a:\n    image: x:1\n',
      errors: [{ line: 2, column: 3, message: 'add `security_opt: [no-new-privileges:true]`' }],
      output: 'services:\n  a:\n    image: x:1\n    security_opt:\n      - no-new-privileges:true\n',
    },
    {
      code: 'services:\n  a:\n    image: x:1\n    security_opt:\n      - apparmor:docker-default\n',
      errors: [{ line: 5, column: 7 }],
      output: 'services:\n  a:\n    image: x:1\n    security_opt:\n      - apparmor:docker-default\n      - no-new-privileges:true\n',
    },
    { name: 'explicitly false', code: 'services:\n  a:\n    image: x:1\n    security_opt: ["no-new-privileges:false"]\n', errors: [{ line: 4, column: 20, message: 'turns no-new-privileges off' }] },
  ],
});
