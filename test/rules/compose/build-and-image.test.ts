import rule from '../../../src/rules/compose/build-and-image.js';
import { composeRuleTester } from '../../helpers/compose-tester.js';

composeRuleTester(rule, {
  valid: [
    'services:\n  a:\n    build: .\n',
    'services:\n  a:\n    build: .\n    image: app:1\n    pull_policy: build\n',
    'services:\n  a:\n    image: app:1\n',
  ],
  invalid: [
    { code: 'services:\n  a:\n    build: .\n    image: app:1\n', errors: [{ line: 4, column: 5, endColumn: 10 }] },
    { name: 'checkPullPolicy off', code: 'services:\n  a:\n    build: .\n    image: app:1\n    pull_policy: build\n', options: { checkPullPolicy: false }, errors: [{ line: 4, column: 5 }] },
  ],
});
