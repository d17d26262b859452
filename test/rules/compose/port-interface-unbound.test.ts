import rule from '../../../src/rules/compose/port-interface-unbound.js';
import { composeRuleTester } from '../../helpers/compose-tester.js';

composeRuleTester(rule, {
  valid: ['services:\n  a:\n    image: x:1\n    ports: ["127.0.0.1:80:80"]\n', { name: 'host IP from a variable counts as bound', code: 'services:\n  a:\n    image: x:1\n    ports: ["${HOST}:80:80"]\n', env: { HOST: '10.0.0.1' } }],
  invalid: [{ code: 'services:\n  a:\n    image: x:1\n    ports:\n      - 80:80\n      - "[::]:443:443"\n', errors: [{ line: 5, column: 9, endColumn: 14 }, { line: 6, column: 9, message: 'publishes port 443' }] }],
});
