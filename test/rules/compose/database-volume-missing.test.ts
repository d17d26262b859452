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
    { name: 'postgres 18 with the volume on /var/lib/postgresql', code: 'services:\n  db:\n    image: postgres:18.1-alpine\n    volumes: ["pg:/var/lib/postgresql"]\n' },
    { name: 'postgres 18 with PGDATA on the old directory', code: 'services:\n  db:\n    image: postgres:18\n    environment:\n      PGDATA: /var/lib/postgresql/data\n    volumes: ["pg:/var/lib/postgresql/data"]\n' },
    { name: 'postgres 17 on the old directory', code: 'services:\n  db:\n    image: postgres:17-bookworm\n    volumes: ["pg:/var/lib/postgresql/data"]\n' },
    { name: 'other PostgreSQL images keep the old directory', code: 'services:\n  db:\n    image: postgis/postgis:18-3.6\n    volumes: ["pg:/var/lib/postgresql/data"]\n' },
    { name: 'long syntax', code: 'services:\n  db:\n    image: mongo:7\n    volumes:\n      - type: volume\n        source: mongo\n        target: /data/db\n' },
  ],
  invalid: [
    { code: 'services:\n  db:\n    image: postgres:16\n', errors: [{ line: 3, column: 12, endColumn: 23, message: 'keeps its data in /var/lib/postgresql/data inside the container' }] },
    { name: 'anonymous volume', code: 'services:\n  db:\n    image: mariadb:11\n    volumes:\n      - /var/lib/mysql\n', errors: [{ line: 3, column: 12, message: '(an anonymous volume or tmpfs)' }] },
    {
      name: 'postgres 18, untagged and latest keep their data under /var/lib/postgresql',
      code: 'services:\n  a:\n    image: postgres:18\n  b:\n    image: postgres\n  c:\n    image: docker.io/library/postgres:latest\n',
      errors: [
        { line: 3, column: 12, endColumn: 23, message: 'Service "a" (PostgreSQL) keeps its data in /var/lib/postgresql/18/docker inside the container: mount a named volume on /var/lib/postgresql (e.g. `a-data:/var/lib/postgresql`) or the data is lost' },
        { line: 5, column: 12, endColumn: 20, message: 'Service "b" (PostgreSQL) keeps its data in /var/lib/postgresql/18/docker' },
        { line: 7, column: 12, endColumn: 45, message: '(e.g. `c-data:/var/lib/postgresql`)' },
      ],
    },
    {
      name: 'postgres 18 with a mount on the old data directory refuses to start',
      code: 'services:\n  db:\n    image: postgres:18-alpine\n    volumes:\n      - pgdata:/var/lib/postgresql/data/\n      - type: bind\n        source: ./init\n        target: /docker-entrypoint-initdb.d\n',
      errors: [{ line: 5, column: 16, endLine: 5, endColumn: 41, message: 'Service "db" mounts /var/lib/postgresql/data, which postgres:18-alpine no longer uses: its data is in /var/lib/postgresql/18/docker, and the image refuses to start with a mount here ("unused mount/volume"). Mount the volume on /var/lib/postgresql instead (or set PGDATA to /var/lib/postgresql/data).' }],
    },
    { name: 'bitnami data directory', code: 'services:\n  db:\n    image: bitnami/postgresql:16\n    volumes: ["pg:/var/lib/postgresql/data"]\n', errors: [{ line: 3, column: 12, message: '/bitnami/postgresql' }] },
  ],
});
