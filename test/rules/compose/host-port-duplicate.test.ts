import rule from '../../../src/rules/compose/host-port-duplicate.js';
import { composeRuleTester } from '../../helpers/compose-tester.js';

composeRuleTester(rule, {
  valid: [
    'services:\n  a:\n    image: x:1\n    ports: ["8080:80"]\n  b:\n    image: x:1\n    ports: ["8081:80", "8080:80/udp"]\n',
    { name: 'different host IPs', code: 'services:\n  a:\n    image: x:1\n    ports: ["127.0.0.1:8080:80"]\n  b:\n    image: x:1\n    ports: ["127.0.0.2:8080:80"]\n' },
    { name: 'one service on one port on several interfaces', code: 'services:\n  a:\n    image: x:1\n    ports: ["127.0.0.1:8080:80", "10.0.0.1:8080:81", "8080:82"]\n' },
    { name: 'profiles that never run together', code: 'services:\n  a:\n    image: x:1\n    profiles: [dev]\n    ports: ["8080:80"]\n  b:\n    image: x:1\n    profiles: [prod]\n    ports: ["8080:80"]\n' },
    { name: 'ports from unset variables', code: 'services:\n  a:\n    image: x:1\n    ports: ["${PORT}:80"]\n  b:\n    image: x:1\n    ports: ["${PORT}:80"]\n' },
    { name: 'one service on the IPv4 and the IPv6 wildcard', code: 'services:\n  a:\n    image: x:1\n    ports: ["0.0.0.0:8080:80", "[::]:8080:80"]\n' },
    { name: 'one service on one port over two protocols', code: 'services:\n  a:\n    image: x:1\n    ports: ["53:53/udp", "53:53/tcp"]\n' },
  ],
  invalid: [
    {
      name: 'profiles: the first service that runs together with it is named',
      code: 'services:\n  p1:\n    image: x:1\n    profiles: [dev]\n    ports: ["8080:80"]\n  p2:\n    image: x:1\n    profiles: [prod]\n    ports: ["8080:80"]\n  c:\n    image: x:1\n    profiles: [ops, prod]\n    ports: ["8080:80"]\n  d:\n    image: x:1\n    ports: ["8080:80"]\n',
      errors: [
        { line: 13, column: 14, endColumn: 18, message: 'already published by service "p2": service "c"' },
        { line: 16, column: 14, endColumn: 18, message: 'already published by service "p1": service "d"' },
      ],
    },
    {
      name: 'overlapping ranges: the lowest clashing port and the first service on it',
      code: 'services:\n  a:\n    image: x:1\n    ports: ["8000-8010:8000-8010"]\n  b:\n    image: x:1\n    ports: ["8005-8020:8005-8020"]\n  c:\n    image: x:1\n    ports: ["8011-8030:8011-8030"]\n  d:\n    image: x:1\n    ports: ["7000-9000:7000-9000", "9000:1"]\n',
      errors: [
        { line: 7, column: 14, endColumn: 23, message: 'Host port 8005/tcp is already published by service "a": service "b"' },
        { line: 10, column: 14, endColumn: 23, message: 'Host port 8011/tcp is already published by service "b": service "c"' },
        { line: 13, column: 14, endColumn: 23, message: 'Host port 8000/tcp is already published by service "a": service "d"' },
        { line: 13, column: 37, endColumn: 41, message: 'Host port 9000/tcp is published twice by service "d"' },
      ],
    },
    {
      // Ranges are not expanded port by port: 300 of these took 4 GB and aborted.
      name: 'whole port ranges in many services',
      code: `services:\n${Array.from({ length: 300 }, (_, i) => `  s${i}:\n    image: x:1\n    ports: ["1-65535:1-65535"]\n`).join('')}`,
      errors: Array.from({ length: 299 }, (_, i) => ({ line: 7 + 3 * i, column: 14, endColumn: 21, message: `Host port 1/tcp is already published by service "s0": service "s${i + 1}"` })),
    },
    {
      name: 'one service publishing a host port twice',
      code: 'services:\n  web:\n    image: x:1\n    ports:\n      - "8080:80"\n      - "8080:443"\n',
      errors: [{ line: 6, column: 10, endLine: 6, endColumn: 14, message: 'Host port 8080/tcp is published twice by service "web" on the same interface: it will fail to start. Use another host port.' }],
    },
    {
      name: 'one service: no IP and 0.0.0.0, a range and long syntax',
      code: 'services:\n  web:\n    image: x:1\n    ports:\n      - "9000-9002:80-82"\n      - "0.0.0.0:9001:443"\n      - target: 8443\n        published: "9002"\n',
      errors: [{ line: 6, column: 18, endColumn: 22, message: 'Host port 9001/tcp is published twice by service "web"' }, { line: 8, column: 20, endColumn: 26, message: 'Host port 9002/tcp is published twice' }],
    },
    {
      name: 'one service on the same specific interface',
      code: 'services:\n  web:\n    image: x:1\n    ports: ["127.0.0.1:8080:80", "127.0.0.1:8080:81"]\n',
      errors: [{ line: 4, column: 45, endColumn: 49, message: 'published twice by service "web"' }],
    },
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
