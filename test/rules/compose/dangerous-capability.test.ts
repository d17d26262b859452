import rule from '../../../src/rules/compose/dangerous-capability.js';
import { composeRuleTester } from '../../helpers/compose-tester.js';

composeRuleTester(rule, {
  valid: [
    'services:\n  a:\n    image: x:1\n    cap_add: [NET_BIND_SERVICE, CHOWN]\n',
    { name: 'unknown capability', code: 'services:\n  a:\n    image: x:1\n    cap_add: ["${CAP}"]\n' },
  ],
  invalid: [
    {
      code: 'services:\n  a:\n    image: x:1\n    cap_add:\n      - NET_BIND_SERVICE\n      - SYS_ADMIN\n      - cap_sys_ptrace\n',
      errors: [
        { line: 6, column: 9, endColumn: 18, message: 'adds SYS_ADMIN' },
        { line: 7, column: 9, endColumn: 23, message: 'adds SYS_PTRACE' },
      ],
    },
    { code: 'services:\n  a:\n    image: x:1\n    cap_add: [ALL, NET_ADMIN, SYS_MODULE, DAC_READ_SEARCH]\n', errors: [{ line: 4, column: 15, endColumn: 18, message: 'Service "a" adds ALL, which lets it use every capability (nearly the same as privileged: true). Remove it' }, { line: 4, column: 20, message: 'adds NET_ADMIN, which lets it reconfigure interfaces' }, { line: 4, column: 31 }, { line: 4, column: 43 }] },
    {
      name: 'through an override file',
      main: ['compose.yaml', 'prod.yaml'],
      files: { 'compose.yaml': 'services:\n  a:\n    image: x:1\n    cap_add: [CHOWN]\n', 'prod.yaml': 'services:\n  a:\n    cap_add: [SYS_ADMIN]\n' },
      errors: [{ file: 'prod.yaml', line: 3, column: 15 }],
    },
  ],
});
