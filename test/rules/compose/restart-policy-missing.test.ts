import rule from '../../../src/rules/compose/restart-policy-missing.js';
import { describe, expect, it } from 'vitest';
import { composeRuleTester, findingsOf } from '../../helpers/compose-tester.js';

composeRuleTester(rule, {
  valid: [
    'services:\n  a:\n    image: x:1\n    restart: on-failure\n',
    'services:\n  a:\n    image: x:1\n    deploy:\n      restart_policy:\n        condition: any\n',
    { name: 'a job another service waits to complete', code: 'services:\n  migrate:\n    image: x:1\n    command: [./manage.py, migrate]\n  app:\n    image: x:1\n    restart: unless-stopped\n    depends_on:\n      migrate:\n        condition: service_completed_successfully\n' },
  ],
  invalid: [
    {
      name: 'a dependency only waited on to start or be healthy is no job',
      code: 'services:\n  db:\n    image: x:1\n  cache:\n    image: x:1\n  app:\n    image: x:1\n    restart: always\n    depends_on:\n      db:\n        condition: service_healthy\n      cache:\n        condition: service_started\n',
      errors: [{ line: 2, column: 3, endColumn: 5, message: 'Service "db" is not restarted' }, { line: 4, column: 3, endColumn: 8, message: 'Service "cache" is not restarted' }],
    },
    {
      name: 'comments and blank lines are kept',
      code: '# Production stack\nservices:\n\n  # The API\n  api:\n    image: x:1   # pinned\n    command: >\n      serve\n      --port 80\n\n  worker:\n    image: y:1\n    environment:\n      A: "1"\n    # end of worker\n',
      errors: [{ line: 5, column: 3, endColumn: 6 }, { line: 11, column: 3, endColumn: 9 }],
      output: '# Production stack\nservices:\n\n  # The API\n  api:\n    image: x:1   # pinned\n    command: >\n      serve\n      --port 80\n    restart: unless-stopped\n\n  worker:\n    image: y:1\n    environment:\n      A: "1"\n    restart: unless-stopped\n    # end of worker\n',
    },
    {
      name: 'CRLF line endings',
      code: 'services:\r\n  a:\r\n    image: x:1\r\n',
      errors: [{ line: 2, column: 3 }],
      output: 'services:\r\n  a:\r\n    image: x:1\r\n    restart: unless-stopped\r\n',
    },
    {
      name: 'service that uses a merge key gets the key in its own mapping',
      code: 'x-base: &base\n  image: x:1\nservices:\n  a:\n    <<: *base\n    ports: ["80"]\n',
      errors: [{ line: 4, column: 3 }],
      output: 'x-base: &base\n  image: x:1\nservices:\n  a:\n    <<: *base\n    ports: ["80"]\n    restart: unless-stopped\n',
    },
    {
      name: 'no fix when the whole service is an alias',
      code: 'x-base: &base\n  image: x:1\nservices:\n  a: *base\n  b: *base\n',
      errors: [{ line: 4, column: 3 }, { line: 5, column: 3 }],
      output: 'x-base: &base\n  image: x:1\nservices:\n  a: *base\n  b: *base\n',
    },
  ],
});

describe('DC016 fix applicability', () => {
  it('is unsafe: unless-stopped also restarts a container that exits normally', () => {
    const [f] = findingsOf(rule, { code: 'services:\n  a:\n    image: x:1\n' });
    expect(f.fix?.applicability).toBe('unsafe');
  });
});
