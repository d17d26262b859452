import rule from '../../../src/rules/dockerfile/ln-bin-sh.js';
import { ruleTester } from '../../helpers/rule-tester.js';

ruleTester(rule, {
  valid: [
    'FROM debian:12-slim\nSHELL ["/bin/bash", "-c"]\n',
    { name: '/bin/sh as the link source is only read', code: 'FROM debian:12-slim\nRUN ln -s /bin/sh /usr/local/bin/sh\n' },
    'FROM debian:12-slim\nRUN ln -s /usr/bin/python3 /usr/bin/python\n',
  ],
  invalid: [
    {
      code: 'FROM debian:12-slim\nRUN ln -sf /bin/bash /bin/sh\n',
      errors: [{ line: 2, column: 22, endLine: 2, endColumn: 29, message: 'Do not replace /bin/sh with ln' }],
    },
    {
      name: 'merged /usr, continuation line',
      code: 'FROM debian:12-slim\nRUN rm /usr/bin/sh && \\\n    ln -s bash /usr/bin/sh\n',
      errors: [{ line: 3, column: 16, endLine: 3, endColumn: 27, message: '/usr/bin/sh' }],
    },
    {
      name: 'ONBUILD trigger',
      code: 'FROM debian:12-slim\nONBUILD RUN ln -sf /bin/bash /bin/sh\n',
      errors: [{ line: 2, column: 30, endColumn: 37 }],
    },
  ],
});
