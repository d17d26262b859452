import rule from '../../../src/rules/dockerfile/expose-port-invalid.js';
import { ruleTester } from '../../helpers/rule-tester.js';

ruleTester(rule, {
  valid: [
    'FROM nginx:1.27\nEXPOSE 80 443/tcp 53/udp\n',
    'FROM nginx:1.27\nEXPOSE 0 65535\n',
    'FROM nginx:1.27\nEXPOSE 8000-8010/tcp\n',
    { name: 'unknown variable', code: 'FROM nginx:1.27\nARG PORT\nEXPOSE $PORT\n' },
    { name: 'variable with a valid default', code: 'FROM nginx:1.27\nARG PORT=8080\nEXPOSE ${PORT}/tcp\n' },
  ],
  invalid: [
    {
      name: 'a variable holding several ports is split; a range out of range at both ends names both',
      code: 'FROM nginx:1.27\nARG PORTS="8080 70000"\nEXPOSE $PORTS\nEXPOSE 65536-65537\n',
      errors: [{ line: 3, column: 8, endColumn: 14, message: 'Port 70000 in EXPOSE 70000' }, { line: 4, column: 8, endColumn: 19, message: 'Ports 65536 and 65537 in EXPOSE 65536-65537 are out of range' }],
    },
    {
      code: 'FROM nginx:1.27\nEXPOSE 80 80800\n',
      errors: [{ line: 2, column: 11, endLine: 2, endColumn: 16, message: 'Port 80800' }],
    },
    {
      name: 'upper end of a range, with protocol',
      code: 'FROM nginx:1.27\nEXPOSE 8000-70000/udp\n',
      errors: [{ line: 2, column: 13, endColumn: 18, message: 'Port 70000 in EXPOSE 8000-70000/udp' }],
    },
    {
      name: 'reversed range',
      code: 'FROM nginx:1.27\nEXPOSE 9000-8000\n',
      errors: [{ line: 2, column: 8, endColumn: 17, message: 'write it as 8000-9000' }],
    },
    {
      name: 'variable resolving out of range, on a continuation line',
      code: 'FROM nginx:1.27\nENV PORT=99999\nEXPOSE 80 \\\n  $PORT\n',
      errors: [{ line: 4, column: 3, endColumn: 8, message: 'Port 99999' }],
    },
  ],
});
