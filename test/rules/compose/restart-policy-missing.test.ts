import rule from '../../../src/rules/compose/restart-policy-missing.js';
import { composeRuleTester } from '../../helpers/compose-tester.js';

composeRuleTester(rule, {
  valid: ['services:\n  a:\n    image: x:1\n    restart: on-failure\n', 'services:\n  a:\n    image: x:1\n    deploy:\n      restart_policy:\n        condition: any\n'],
  invalid: [
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
