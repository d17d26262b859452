import rule from '../../../src/rules/compose/healthcheck-missing.js';
import { composeRuleTester } from '../../helpers/compose-tester.js';

composeRuleTester(rule, {
  valid: [
    'services:\n  a:\n    image: x:1\n    healthcheck:\n      test: ["CMD", "true"]\n',
    { name: 'satisfied by a HEALTHCHECK in the Dockerfile', code: 'services:\n  api:\n    build: ./api\n', files: { 'api/Dockerfile': 'FROM node:20\nHEALTHCHECK CMD ["node", "h.js"]\n' } },
    { name: 'HEALTHCHECK in a parent stage', code: 'services:\n  api:\n    build: .\n', files: { Dockerfile: 'FROM node:20 AS base\nHEALTHCHECK CMD ["true"]\nFROM base\nCMD ["node"]\n' } },
    { name: 'disabled is another rule', code: 'services:\n  a:\n    image: x:1\n    healthcheck:\n      disable: true\n' },
    { name: 'Dockerfile cannot be read: unknown', code: 'services:\n  api:\n    build: ./nowhere\n' },
  ],
  invalid: [
    { code: 'services:\n  a:\n    image: x:1\n  b:\n    image: y:1\n    healthcheck:\n      interval: 10s\n', errors: [{ line: 2, column: 3, endColumn: 4, message: 'Service "a" has no healthcheck:' }, { line: 4, column: 3 }] },
    {
      name: 'Dockerfile without HEALTHCHECK',
      code: 'services:\n  api:\n    build: ./api\n',
      files: { 'api/Dockerfile': 'FROM node:20\nCMD ["node"]\n' },
      errors: [{ line: 2, column: 3, message: 'nor a HEALTHCHECK in its Dockerfile' }],
    },
    {
      name: 'service defined in an included file',
      code: 'include: [db.yaml]\nservices:\n  a:\n    image: x:1\n    healthcheck: { test: ["CMD", "true"] }\n',
      files: { 'db.yaml': 'services:\n  db:\n    image: postgres:16\n' },
      errors: [{ file: 'db.yaml', line: 2, column: 3 }],
    },
  ],
});
