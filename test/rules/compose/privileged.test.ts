import rule from '../../../src/rules/compose/privileged.js';
import { composeRuleTester } from '../../helpers/compose-tester.js';

composeRuleTester(rule, {
  valid: [
    'services:\n  a:\n    image: x:1\n    privileged: false\n',
    { name: 'unknown value from an unset variable', code: 'services:\n  a:\n    image: x:1\n    privileged: ${PRIV}\n' },
    { name: 'false from the environment', code: 'services:\n  a:\n    image: x:1\n    privileged: ${PRIV}\n', env: { PRIV: 'false' } },
  ],
  invalid: [
    { code: 'services:\n  a:\n    image: x:1\n    privileged: true\n', errors: [{ line: 4, column: 17, endLine: 4, endColumn: 21, message: 'Service "a" runs privileged' }] },
    { name: 'through an anchor and merge key', code: 'x-priv: &priv\n  privileged: true\nservices:\n  a:\n    <<: *priv\n    image: x:1\n  b:\n    <<: *priv\n', errors: [{ line: 2, column: 15 }, { line: 2, column: 15, message: 'Service "b"' }] },
    {
      name: 'set in an override file',
      main: ['compose.yaml', 'compose.override.yaml'],
      files: { 'compose.yaml': 'services:\n  a:\n    image: x:1\n', 'compose.override.yaml': 'services:\n  a:\n    privileged: "true"\n' },
      errors: [{ file: 'compose.override.yaml', line: 3, column: 17, endColumn: 23 }],
    },
    {
      name: 'inherited through extends',
      files: { 'compose.yaml': 'services:\n  a:\n    extends: { file: base.yaml, service: base }\n', 'base.yaml': 'services:\n  base:\n    image: x:1\n    privileged: true\n' },
      errors: [{ file: 'base.yaml', line: 4, column: 17 }],
    },
    { name: 'true from the environment', code: 'services:\n  a:\n    image: x:1\n    privileged: ${PRIV}\n', env: { PRIV: 'true' }, errors: [{ line: 4, column: 17, endColumn: 24 }] },
  ],
});
