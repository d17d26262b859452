import rule from '../../../src/rules/compose/tls-verification-disabled.js';
import { composeRuleTester } from '../../helpers/compose-tester.js';

composeRuleTester(rule, {
  valid: [
    'services:\n  api:\n    image: acme/api:1.4.2\n    environment:\n      NODE_TLS_REJECT_UNAUTHORIZED: "1"\n      NODE_EXTRA_CA_CERTS: /run/secrets/ca.pem\n',
    { name: 'a reference is decided elsewhere', code: 'services:\n  api:\n    image: acme/api:1.4.2\n    environment:\n      - NODE_TLS_REJECT_UNAUTHORIZED=${TLS_CHECK}\n      - PYTHONHTTPSVERIFY\n' },
  ],
  invalid: [
    {
      code: 'services:\n  api:\n    image: acme/api:1.4.2\n    environment:\n      NODE_TLS_REJECT_UNAUTHORIZED: "0"\n',
      errors: [{ line: 5, column: 37, endColumn: 40, message: 'Service "api" sets NODE_TLS_REJECT_UNAUTHORIZED=0, which turns off TLS certificate verification in the running container; remove it and pass your CA with NODE_EXTRA_CA_CERTS.' }],
    },
    {
      name: 'list form, and a number',
      code: 'services:\n  worker:\n    image: acme/worker:2.0.1\n    environment:\n      - GIT_SSL_NO_VERIFY=1\n      - PYTHONHTTPSVERIFY=0\n  web:\n    image: acme/web:3.1.0\n    environment:\n      PYTHONHTTPSVERIFY: 0\n',
      errors: [{ line: 5, column: 27, endColumn: 28, message: 'Service "worker" sets GIT_SSL_NO_VERIFY=1' }, { line: 6, column: 27, endColumn: 28 }, { line: 10, column: 26, endColumn: 27, message: 'Service "web" sets PYTHONHTTPSVERIFY=0' }],
    },
  ],
});
