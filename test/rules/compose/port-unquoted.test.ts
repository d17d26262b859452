import rule from '../../../src/rules/compose/port-unquoted.js';
import { composeRuleTester } from '../../helpers/compose-tester.js';

composeRuleTester(rule, {
  valid: ['services:\n  a:\n    image: x:1\n    ports:\n      - "22:22"\n      - 8080:80\n      - 3000\n'],
  invalid: [
    {
      code: 'services:\n  a:\n    image: x:1\n    ports:\n      - 2222:22 # ssh\n      - 8080:80\n    expose:\n      - 1:30\n',
      errors: [{ line: 5, column: 9, endColumn: 16, message: 'Port mapping 2222:22 is read as a base-60 number' }, { line: 8, column: 9 }],
      output: 'services:\n  a:\n    image: x:1\n    ports:\n      - "2222:22" # ssh\n      - 8080:80\n    expose:\n      - "1:30"\n',
    },
  ],
});
