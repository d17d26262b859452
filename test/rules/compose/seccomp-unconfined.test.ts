import rule from '../../../src/rules/compose/seccomp-unconfined.js';
import { composeRuleTester } from '../../helpers/compose-tester.js';

composeRuleTester(rule, {
  valid: ['services:\n  a:\n    image: x:1\n    security_opt: ["seccomp:./profile.json", "no-new-privileges:true"]\n'],
  invalid: [
    { code: 'services:\n  a:\n    image: x:1\n    security_opt:\n      - seccomp:unconfined\n', errors: [{ line: 5, column: 9, endColumn: 27, message: 'remove `seccomp:unconfined`' }] },
    { code: 'services:\n  a:\n    image: x:1\n    security_opt: ["seccomp=unconfined"]\n', errors: [{ line: 4, column: 20, endColumn: 40 }] },
  ],
});
