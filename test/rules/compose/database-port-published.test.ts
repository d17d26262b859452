import rule from '../../../src/rules/compose/database-port-published.js';
import { composeRuleTester } from '../../helpers/compose-tester.js';

composeRuleTester(rule, {
  valid: [
    'services:\n  db:\n    image: postgres:16\n    ports: ["127.0.0.1:5432:5432"]\n',
    'services:\n  db:\n    image: postgres:16\n    expose: ["5432"]\n',
    { name: 'web port on a web image', code: 'services:\n  web:\n    image: nginx:1\n    ports: ["80:80"]\n' },
    { name: 'host IP from an unset variable is unknown', code: 'services:\n  db:\n    image: postgres:16\n    ports: ["${BIND}:5432:5432"]\n' },
    { name: 'long syntax bound to localhost', code: 'services:\n  db:\n    image: redis:7\n    ports:\n      - target: 6379\n        published: 6379\n        host_ip: 127.0.0.1\n' },
  ],
  invalid: [
    {
      code: 'services:\n  db:\n    image: postgres:16\n    ports:\n      - "5432:5432"  # for psql\n',
      errors: [{ line: 5, column: 9, endColumn: 20, message: 'publishes PostgreSQL port 5432 on all interfaces' }],
      output: 'services:\n  db:\n    image: postgres:16\n    ports:\n      - "127.0.0.1:5432:5432"  # for psql\n',
    },
    {
      name: 'unknown image, well-known port; 0.0.0.0 rewritten',
      code: 'services:\n  cache:\n    image: example/kv:1\n    ports: ["0.0.0.0:6380:6379"]\n',
      errors: [{ line: 4, column: 13, message: 'Redis port 6379' }],
      output: 'services:\n  cache:\n    image: example/kv:1\n    ports: ["127.0.0.1:6380:6379"]\n',
    },
    { name: 'random host port', code: 'services:\n  db:\n    image: mysql:8\n    ports: ["3306"]\n', errors: [{ line: 4, column: 13 }], output: 'services:\n  db:\n    image: mysql:8\n    ports: ["127.0.0.1::3306"]\n' },
    {
      name: 'container ports alone keep an ephemeral host port',
      code: 'services:\n  db:\n    image: postgres:16\n    ports:\n      - 5432\n      - "5432/tcp"\n  db2:\n    image: postgres:16\n    ports: [\'5432\']\n',
      errors: [{ line: 5, column: 9, endColumn: 13 }, { line: 6, column: 9, endColumn: 19 }, { line: 9, column: 13, endColumn: 19 }],
      output: 'services:\n  db:\n    image: postgres:16\n    ports:\n      - "127.0.0.1::5432"\n      - "127.0.0.1::5432/tcp"\n  db2:\n    image: postgres:16\n    ports: ["127.0.0.1::5432"]\n',
    },
    { name: 'long syntax', code: 'services:\n  db:\n    image: mongo:7\n    ports:\n      - target: 27017\n        published: 27017\n', errors: [{ line: 5, column: 9, message: 'MongoDB' }] },
    { name: 'host port from a default value', code: 'services:\n  db:\n    image: postgres:16\n    ports:\n      - "${PGPORT:-5432}:5432"\n', errors: [{ line: 5, column: 9 }] },
  ],
});
