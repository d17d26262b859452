import rule from '../../../src/rules/compose/host-port-duplicate.js';
import { composeRuleTester } from '../../helpers/compose-tester.js';

composeRuleTester(rule, {
  valid: [
    'services:\n  a:\n    image: x:1\n    ports: ["8080:80"]\n  b:\n    image: x:1\n    ports: ["8081:80", "8080:80/udp"]\n',
    { name: 'different host IPs', code: 'services:\n  a:\n    image: x:1\n    ports: ["127.0.0.1:8080:80"]\n  b:\n    image: x:1\n    ports: ["127.0.0.2:8080:80"]\n' },
    { name: 'one service on one port on several interfaces', code: 'services:\n  a:\n    image: x:1\n    ports: ["127.0.0.1:8080:80", "10.0.0.1:8080:81", "8080:82"]\n' },
    { name: 'profiles that never run together', code: 'services:\n  a:\n    image: x:1\n    profiles: [dev]\n    ports: ["8080:80"]\n  b:\n    image: x:1\n    profiles: [prod]\n    ports: ["8080:80"]\n' },
    { name: 'ports from unset variables', code: 'services:\n  a:\n    image: x:1\n    ports: ["${PORT}:80"]\n  b:\n    image: x:1\n    ports: ["${PORT}:80"]\n' },
  ],
  invalid: [
    {
      code: 'services:\n  a:\n    image: x:1\n    ports: ["8080-8082:80-82"]\n  b:\n    image: x:1\n    ports:\n      - "127.0.0.1:8081:80"\n      - target: 90\n        published: 8082\n',
      errors: [{ line: 8, column: 20, endColumn: 24, message: 'Host port 8081/tcp is already published by service "a"' }, { line: 10, column: 20, endColumn: 24 }],
    },
    {
      name: 'the first service to take the port is named, whether it took one interface or all',
      code: 'services:\n  a:\n    image: x:1\n    ports: ["127.0.0.1:8080:80"]\n  b:\n    image: x:1\n    ports: ["8080:80"]\n  c:\n    image: x:1\n    ports: ["127.0.0.1:8080:80"]\n  d:\n    image: x:1\n    ports: ["10.0.0.2:8080:80"]\n',
      errors: [
        { line: 7, column: 14, endColumn: 18, message: 'Host port 8080/tcp is already published by service "a": service "b"' },
        { line: 10, column: 24, endColumn: 28, message: 'already published by service "a": service "c"' },
        { line: 13, column: 23, endColumn: 27, message: 'already published by service "b": service "d"' },
      ],
    },
    {
      name: 'the same specific interface',
      code: 'services:\n  a:\n    image: x:1\n    ports: ["10.0.0.1:9000:80"]\n  b:\n    image: x:1\n    ports: ["10.0.0.2:9000:80"]\n  c:\n    image: x:1\n    ports: ["10.0.0.2:9000:80"]\n',
      errors: [{ line: 10, column: 23, endColumn: 27, message: 'already published by service "b": service "c"' }],
    },
  ],
});
