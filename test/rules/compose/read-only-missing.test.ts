import rule from '../../../src/rules/compose/read-only-missing.js';
import { composeRuleTester } from '../../helpers/compose-tester.js';

composeRuleTester(rule, {
  valid: [
    'services:\n  a:\n    image: x:1\n    read_only: true\n',
    { name: 'unknown', code: 'services:\n  a:\n    image: x:1\n    read_only: ${RO}\n' },
  ],
  invalid: [
    {
      code: 'services:\n  web:\n    image: nginx:1.27\n    ports: ["8080:80"]\n',
      errors: [{ line: 2, column: 3, message: '(/tmp, /var/cache/nginx, /var/run)' }],
      output: 'services:\n  web:\n    image: nginx:1.27\n    ports: ["8080:80"]\n    read_only: true\n    tmpfs:\n      - /tmp\n      - /var/cache/nginx\n      - /var/run\n',
    },
    {
      name: 'existing tmpfs is kept',
      code: 'services:\n  a:\n    image: x:1\n    tmpfs: [/run]\n',
      errors: [{ line: 2, column: 3 }],
      output: 'services:\n  a:\n    image: x:1\n    tmpfs: [/run]\n    read_only: true\n',
    },
    { name: 'explicitly false', code: 'services:\n  a:\n    image: x:1\n    read_only: false\n', errors: [{ line: 4, column: 16, message: 'sets `read_only: false`' }] },
    {
      // A path a volume already mounts is writable, and Docker refuses a tmpfs where a bind mount is ("Duplicate mount point").
      name: 'paths already mounted get no tmpfs',
      code: 'services:\n  web:\n    image: nginx:1.27\n    volumes:\n      - ./cache:/var/cache/nginx/\n      - type: tmpfs\n        target: /tmp\n  app:\n    image: x:1\n    volumes: ["/tmp:/tmp"]\n',
      errors: [{ line: 2, column: 3 }, { line: 8, column: 3 }],
      output: 'services:\n  web:\n    image: nginx:1.27\n    volumes:\n      - ./cache:/var/cache/nginx/\n      - type: tmpfs\n        target: /tmp\n    read_only: true\n    tmpfs:\n      - /var/run\n  app:\n    image: x:1\n    volumes: ["/tmp:/tmp"]\n    read_only: true\n',
    },
    {
      // The target of `${DATA}:/tmp` is known though its source is not; that of `${VOL}` is not.
      name: 'volumes that depend on unset variables',
      code: 'services:\n  a:\n    image: x:1\n    volumes:\n      - ${DATA}:/tmp:ro\n  b:\n    image: x:1\n    volumes:\n      - ${DATA}:/data\n  c:\n    image: x:1\n    volumes:\n      - ${VOL}\n',
      errors: [{ line: 2, column: 3 }, { line: 6, column: 3 }, { line: 10, column: 3 }],
      output: 'services:\n  a:\n    image: x:1\n    volumes:\n      - ${DATA}:/tmp:ro\n    read_only: true\n  b:\n    image: x:1\n    volumes:\n      - ${DATA}:/data\n    read_only: true\n    tmpfs:\n      - /tmp\n  c:\n    image: x:1\n    volumes:\n      - ${VOL}\n    read_only: true\n',
    },
    { name: 'flow mapping', code: 'services:\n  a: {image: "x:1"}\n', errors: [{ line: 2, column: 3 }], output: 'services:\n  a: {image: "x:1", read_only: true, tmpfs: [/tmp]}\n' },
  ],
});
