import rule from '../../../src/rules/compose/stop-grace-period-short.js';
import { composeRuleTester } from '../../helpers/compose-tester.js';

composeRuleTester(rule, {
  valid: [
    'services:\n  a:\n    image: x:1\n',
    'services:\n  a:\n    image: x:1\n    stop_grace_period: 5s\n',
    'services:\n  db:\n    image: postgres:16\n    stop_grace_period: 1m30s\n',
    { name: 'unknown', code: 'services:\n  a:\n    image: x:1\n    stop_grace_period: ${GRACE}\n' },
  ],
  invalid: [
    { code: 'services:\n  a:\n    image: x:1\n    stop_grace_period: 1s\n', errors: [{ line: 4, column: 24, endColumn: 26, message: 'is killed 1s after SIGTERM: give it at least 5s' }] },
    { code: 'services:\n  db:\n    image: postgres:16\n    stop_grace_period: 10s\n', errors: [{ line: 4, column: 24, message: '(a PostgreSQL database): give it at least 30s' }] },
    {
      name: 'stop signal from the Dockerfile',
      code: 'services:\n  a:\n    build: .\n    stop_grace_period: 500ms\n',
      files: { Dockerfile: 'FROM debian:12\nSTOPSIGNAL SIGQUIT\n' },
      errors: [{ line: 4, column: 24, message: 'after SIGQUIT' }],
    },
    { name: 'service stop_signal wins', code: 'services:\n  a:\n    image: x:1\n    stop_signal: SIGINT\n    stop_grace_period: 2s\n', errors: [{ line: 5, column: 24, message: 'after SIGINT' }], options: { minimum: '3s' } },
  ],
});
