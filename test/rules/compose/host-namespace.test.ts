import rule from '../../../src/rules/compose/host-namespace.js';
import { composeRuleTester } from '../../helpers/compose-tester.js';

composeRuleTester(rule, {
  valid: [
    'services:\n  a:\n    image: x:1\n    network_mode: bridge\n    pid: "service:b"\n  b:\n    image: x:1\n',
    { name: 'unknown', code: 'services:\n  a:\n    image: x:1\n    network_mode: ${MODE}\n' },
  ],
  invalid: [
    {
      code: 'services:\n  a:\n    image: x:1\n    network_mode: host\n    pid: host\n    ipc: host\n    userns_mode: host\n    uts: host\n',
      errors: [
        { line: 4, column: 19, endColumn: 23, message: 'network_mode: host' },
        { line: 5, column: 10, message: 'pid: host' },
        { line: 6, column: 10, message: 'ipc: host' },
        { line: 7, column: 18, message: 'userns_mode: host' },
        { line: 8, column: 10, message: 'uts: host' },
      ],
    },
    {
      name: 'from extends in the same file',
      code: 'services:\n  base:\n    image: x:1\n    network_mode: "host"\n  a:\n    extends: base\n',
      errors: [{ line: 4, column: 19, endColumn: 25 }, { line: 4, column: 19, message: 'Service "a"' }],
    },
  ],
});
