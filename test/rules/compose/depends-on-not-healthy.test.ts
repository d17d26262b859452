import rule from '../../../src/rules/compose/depends-on-not-healthy.js';
import { composeRuleTester } from '../../helpers/compose-tester.js';

const DB = '  db:\n    image: postgres:16\n    healthcheck:\n      test: ["CMD", "pg_isready"]\n';

composeRuleTester(rule, {
  valid: [
    `services:\n  api:\n    image: a:1\n    depends_on:\n      db:\n        condition: service_healthy\n${DB}`,
    { name: 'dependency without a healthcheck', code: 'services:\n  api:\n    image: a:1\n    depends_on: [cache]\n  cache:\n    image: redis:7\n' },
    { name: 'an explicit service_started is the author\'s choice', code: `services:\n  api:\n    image: a:1\n    depends_on:\n      db:\n        condition: service_started # wait\n${DB}` },
    { name: 'one-shot dependency', code: `services:\n  api:\n    image: a:1\n    depends_on:\n      db:\n        condition: service_completed_successfully\n${DB}` },
  ],
  invalid: [
    {
      name: 'block list: rewritten to a mapping, comments elsewhere kept',
      code: `# app\nservices:\n  api:\n    image: a:1\n    depends_on:\n      - cache\n      - db\n\n    # the API\n    restart: always\n  cache:\n    image: redis:7\n${DB}`,
      errors: [{ line: 7, column: 9, endColumn: 11, message: 'Service "api" starts as soon as "db" starts' }],
      output: `# app\nservices:\n  api:\n    image: a:1\n    depends_on:\n      cache:\n        condition: service_started\n      db:\n        condition: service_healthy\n\n    # the API\n    restart: always\n  cache:\n    image: redis:7\n${DB}`,
    },
    {
      name: 'dash at the key\'s column',
      code: `services:\n  api:\n    image: a:1\n    depends_on:\n    - db\n${DB}`,
      errors: [{ line: 5, column: 7 }],
      output: `services:\n  api:\n    image: a:1\n    depends_on:\n      db:\n        condition: service_healthy\n${DB}`,
    },
    // Names YAML reads as a number or a boolean (`123`, `on` in YAML 1.1) stay strings as keys: quoted.
    {
      name: 'service names that are numbers or YAML 1.1 booleans',
      code: 'services:\n  api:\n    image: a:1\n    depends_on:\n      - "123"\n      - "on"\n  b:\n    image: a:1\n    depends_on: ["123"]\n  "123":\n    image: postgres:16\n    healthcheck: {test: [CMD, pg_isready]}\n  "on":\n    image: a:1\n',
      errors: [{ line: 5, column: 9 }, { line: 9, column: 18 }],
      output: 'services:\n  api:\n    image: a:1\n    depends_on:\n      "123":\n        condition: service_healthy\n      "on":\n        condition: service_started\n  b:\n    image: a:1\n    depends_on: {"123": {condition: service_healthy}}\n  "123":\n    image: postgres:16\n    healthcheck: {test: [CMD, pg_isready]}\n  "on":\n    image: a:1\n',
    },
    { name: 'flow list', code: `services:\n  api:\n    image: a:1\n    depends_on: [db]\n${DB}`, errors: [{ line: 4, column: 18 }], output: `services:\n  api:\n    image: a:1\n    depends_on: {db: {condition: service_healthy}}\n${DB}` },
    {
      name: 'mapping entry without a condition: the condition is added',
      code: `services:\n  api:\n    image: a:1\n    depends_on:\n      db:\n        required: true\n${DB}`,
      errors: [{ line: 5, column: 7, endColumn: 9 }],
      output: `services:\n  api:\n    image: a:1\n    depends_on:\n      db:\n        required: true\n        condition: service_healthy\n${DB}`,
    },
    {
      name: 'one finding where services share depends_on through an anchor',
      code: `x-deps: &deps\n  - db\nservices:\n  api:\n    image: a:1\n    depends_on: *deps\n  worker:\n    image: b:1\n    depends_on: *deps\n${DB}`,
      errors: [{ line: 2, column: 5, endColumn: 7, message: 'Service "api"' }],
    },
    {
      name: 'healthcheck from the dependency\'s Dockerfile',
      code: 'services:\n  api:\n    image: a:1\n    depends_on: [db]\n  db:\n    build: ./db\n',
      files: { 'db/Dockerfile': 'FROM postgres:16\nHEALTHCHECK CMD ["pg_isready"]\n' },
      errors: [{ line: 4, column: 18 }],
    },
  ],
});
