import rule from '../../../src/rules/compose/cap-drop-all-missing.js';
import { composeRuleTester } from '../../helpers/compose-tester.js';

composeRuleTester(rule, {
  valid: [
    'services:\n  a:\n    image: x:1\n    cap_drop: [ALL]\n',
    'services:\n  a:\n    image: x:1\n    cap_drop:\n      - cap_all\n',
    { name: 'privileged is reported by its own rule', code: 'services:\n  a:\n    image: x:1\n    privileged: true\n' },
    { name: 'unknown entry', code: 'services:\n  a:\n    image: x:1\n    cap_drop: [NET_RAW, "${DROP}"]\n' },
  ],
  invalid: [
    {
      code: 'services:\n  a:  # the API\n    image: x:1\n\n    # trailing comment\n  b:\n    image: y:1\n    cap_drop: [NET_RAW]\n',
      errors: [{ line: 2, column: 3, endColumn: 4 }, { line: 8, column: 15, message: 'Service "b"' }],
      output: 'services:\n  a:  # the API\n    image: x:1\n    cap_drop:\n      - ALL\n\n    # trailing comment\n  b:\n    image: y:1\n    cap_drop: [NET_RAW, ALL]\n',
    },
    {
      name: 'block list gets an item',
      code: 'services:\n  a:\n    image: x:1\n    cap_drop:\n      - NET_RAW # not enough\n',
      errors: [{ line: 5, column: 7 }],
      output: 'services:\n  a:\n    image: x:1\n    cap_drop:\n      - NET_RAW # not enough\n      - ALL\n',
    },
  ],
});
