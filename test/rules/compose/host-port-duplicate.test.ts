import rule from '../../../src/rules/compose/host-port-duplicate.js';
import { composeRuleTester } from '../../helpers/compose-tester.js';

composeRuleTester(rule, {
  valid: [
    'services:\n  a:\n    image: x:1\n    ports: ["8080:80"]\n  b:\n    image: x:1\n    ports: ["8081:80", "8080:80/udp"]\n',
    { name: 'different host IPs', code: 'services:\n  a:\n    image: x:1\n    ports: ["127.0.0.1:8080:80"]\n  b:\n    image: x:1\n    ports: ["127.0.0.2:8080:80"]\n' },
    { name: 'ports from unset variables', code: 'services:\n  a:\n    image: x:1\n    ports: ["${PORT}:80"]\n  b:\n    image: x:1\n    ports: ["${PORT}:80"]\n' },
  ],
  invalid: [
    {
      code: 'services:\n  a:\n    image: x:1\n    ports: ["8080-8082:80-82"]\n  b:\n    image: x:1\n    ports:\n      - "127.0.0.1:8081:80"\n      - target: 90\n        published: 8082\n',
      errors: [{ line: 8, column: 20, endColumn: 24, message: 'Host port 8081/tcp is already published by service "a"' }, { line: 10, column: 20, endColumn: 24 }],
    },
  ],
});
