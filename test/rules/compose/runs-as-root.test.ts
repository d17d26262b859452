import rule from '../../../src/rules/compose/runs-as-root.js';
import { composeRuleTester } from '../../helpers/compose-tester.js';

composeRuleTester(rule, {
  valid: [
    'services:\n  web:\n    image: nginx:1.27\n    user: "101"\n',
    { name: 'image known to drop privileges', code: 'services:\n  db:\n    image: postgres:16\n' },
    { name: 'unknown image', code: 'services:\n  a:\n    image: example/app:1\n' },
    { name: 'Dockerfile sets an unprivileged USER', code: 'services:\n  api:\n    build: ./api\n', files: { 'api/Dockerfile': 'FROM node:20\nUSER node\nCMD ["node", "s.js"]\n' } },
    { name: 'non-root base image', code: 'services:\n  api:\n    build: .\n', files: { Dockerfile: 'FROM gcr.io/distroless/nodejs20-debian12:nonroot\nCOPY . /app\n' } },
    { name: 'unreadable Dockerfile: unknown', code: 'services:\n  api:\n    build: ./missing\n' },
    { name: 'user from an unset variable', code: 'services:\n  a:\n    image: nginx:1\n    user: ${UID}\n' },
  ],
  invalid: [
    { code: 'services:\n  a:\n    image: example/app:1\n    user: root\n', errors: [{ line: 4, column: 11, endColumn: 15, message: 'sets `user: root`' }] },
    { code: 'services:\n  a:\n    image: example/app:1\n    user: "0:0"\n', errors: [{ line: 4, column: 11 }] },
    { name: 'image known to run as root', code: 'services:\n  web:\n    image: nginx:1.27\n', errors: [{ line: 3, column: 12, endColumn: 22, message: 'the image nginx:1.27 runs as root' }] },
    {
      name: 'Dockerfile without USER',
      code: 'services:\n  api:\n    build:\n      context: ./api\n',
      files: { 'api/Dockerfile': 'FROM node:20\nCMD ["node", "s.js"]\n' },
      errors: [{ line: 4, column: 7, message: 'its Dockerfile never sets USER' }],
    },
    {
      name: 'the target stage is the one that counts',
      code: 'services:\n  api:\n    build: { context: ., target: debug }\n',
      files: { Dockerfile: 'FROM node:20 AS debug\nUSER root\nFROM node:20\nUSER node\n' },
      errors: [{ line: 3, column: 12, message: 'ends with USER root' }],
    },
  ],
});
