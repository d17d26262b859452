import rule from '../../../src/rules/compose/database-volume-missing.js';
import { composeRuleTester } from '../../helpers/compose-tester.js';

composeRuleTester(rule, {
  valid: [
    { name: 'a volume naming an unset variable may be the data volume (laradock neo4j)', code: 'services:\n  db:\n    image: postgres:16.4\n    volumes:\n      - ${DATA_PATH_HOST}/postgres:/var/lib/postgresql/data\n' },
    'services:\n  db:\n    image: postgres:16\n    volumes:\n      - pgdata:/var/lib/postgresql/data\nvolumes:\n  pgdata:\n',
    'services:\n  db:\n    image: mysql:8\n    volumes: ["./data:/var/lib/mysql"]\n',
    { name: 'parent directory mounted', code: 'services:\n  db:\n    image: postgres:18\n    volumes: ["pg:/var/lib/postgresql"]\n' },
    { name: 'PGDATA moved onto a volume', code: 'services:\n  db:\n    image: postgres:16\n    environment:\n      PGDATA: /pg\n    volumes: ["pg:/pg"]\n' },
    { name: 'caches are not flagged', code: 'services:\n  cache:\n    image: redis:7\n' },
    { name: 'long syntax', code: 'services:\n  db:\n    image: mongo:7\n    volumes:\n      - type: volume\n        source: mongo\n        target: /data/db\n' },
  ],
  invalid: [
    { code: 'services:\n  db:\n    image: postgres:16\n', errors: [{ line: 3, column: 12, endColumn: 23, message: 'keeps its data in /var/lib/postgresql/data inside the container' }] },
    { name: 'anonymous volume', code: 'services:\n  db:\n    image: mariadb:11\n    volumes:\n      - /var/lib/mysql\n', errors: [{ line: 3, column: 12, message: '(an anonymous volume or tmpfs)' }] },
    { name: 'bitnami data directory', code: 'services:\n  db:\n    image: bitnami/postgresql:16\n    volumes: ["pg:/var/lib/postgresql/data"]\n', errors: [{ line: 3, column: 12, message: '/bitnami/postgresql' }] },
  ],
});
