import rule from '../../../src/rules/compose/logging-rotation-missing.js';
import { composeRuleTester } from '../../helpers/compose-tester.js';

composeRuleTester(rule, {
  valid: [
    'services:\n  a:\n    image: x:1\n    logging:\n      options:\n        max-size: 10m\n',
    'services:\n  a:\n    image: x:1\n    logging:\n      driver: local\n',
    'services:\n  a:\n    image: x:1\n    logging:\n      driver: journald\n',
    { name: 'driver from an unset variable', code: 'services:\n  a:\n    image: x:1\n    logging:\n      driver: ${LOG_DRIVER}\n' },
  ],
  invalid: [
    {
      code: 'services:\n  a:\n    image: x:1 # keep\n\n  b:\n    image: y:1\n',
      errors: [{ line: 2, column: 3 }, { line: 5, column: 3 }],
      output: 'services:\n  a:\n    image: x:1 # keep\n    logging:\n      driver: json-file\n      options:\n        max-size: 10m\n        max-file: "3"\n\n  b:\n    image: y:1\n    logging:\n      driver: json-file\n      options:\n        max-size: 10m\n        max-file: "3"\n',
    },
    {
      name: 'json-file without options',
      code: 'services:\n  a:\n    image: x:1\n    logging:\n      driver: json-file\n',
      errors: [{ line: 5, column: 15, endColumn: 24 }],
      output: 'services:\n  a:\n    image: x:1\n    logging:\n      driver: json-file\n      options:\n        max-size: 10m\n        max-file: "3"\n',
    },
    {
      name: 'options without max-size',
      code: 'services:\n  a:\n    image: x:1\n    logging:\n      options:\n        max-file: "5"\n',
      errors: [{ line: 4, column: 5 }],
      output: 'services:\n  a:\n    image: x:1\n    logging:\n      options:\n        max-file: "5"\n        max-size: 10m\n',
    },
  ],
});
