import rule from '../../../src/rules/compose/resource-limits-missing.js';
import { composeRuleTester } from '../../helpers/compose-tester.js';

composeRuleTester(rule, {
  valid: [
    'services:\n  a:\n    image: x:1\n    deploy:\n      resources:\n        limits: {memory: 256M, cpus: "0.5", pids: 100}\n',
    { name: 'service-level keys, no version needed', code: 'services:\n  a:\n    image: x:1\n    mem_limit: 256m\n    cpus: 0.5\n    pids_limit: 100\n' },
    { name: 'only memory required', code: 'services:\n  a:\n    image: x:1\n    mem_limit: 1g\n', options: { require: ['memory'] } },
    { name: 'limits from unset variables are unknown, not missing', code: 'services:\n  a:\n    image: x:1\n    mem_limit: ${MEM}\n    cpus: ${CPUS}\n    pids_limit: ${PIDS}\n' },
  ],
  invalid: [
    { code: 'services:\n  a:\n    image: x:1\n', errors: [{ line: 2, column: 3, endColumn: 4, message: 'has no memory, CPU or PID limit' }] },
    { code: 'services:\n  a:\n    image: x:1\n    mem_limit: 512m\n    pids_limit: -1\n', errors: [{ line: 2, column: 3, message: 'has no CPU or PID limit' }] },
    {
      name: 'limits set in an anchor count',
      code: 'x-limits: &limits\n  deploy:\n    resources:\n      limits: {memory: 1G, cpus: "1"}\nservices:\n  a:\n    <<: *limits\n    image: x:1\n',
      errors: [{ line: 6, column: 3, message: 'has no PID limit' }],
    },
  ],
});
