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
    { name: 'flow mapping', code: 'services:\n  a: {image: "x:1"}\n', errors: [{ line: 2, column: 3 }], output: 'services:\n  a: {image: "x:1", read_only: true, tmpfs: [/tmp]}\n' },
  ],
});
