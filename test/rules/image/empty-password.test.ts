import rule from '../../../src/rules/image/empty-password.js';
import { imageRuleTester } from '../../helpers/image-tester.js';

const shadow = (content: string) => ({ path: '/etc/shadow', content, mode: 0o640 });
const passwd = (content: string) => ({ path: '/etc/passwd', content });

imageRuleTester(rule, {
  valid: [
    { name: 'locked and hashed', spec: { layers: [{ files: [shadow('root:*:19700:0:99999:7:::\napp:!:19700::::::\nbob:$6$salt$hash:19700::::::\nold:!!:1::::::\n'), passwd('root:x:0:0::/root:/bin/sh\n')] }] } },
    { name: 'no shadow (distroless): skipped', spec: { layers: [{ files: [passwd('nonroot:x:65532:65532::/home/nonroot:/sbin/nologin\n')] }] } },
    { name: 'nothing at all', spec: { layers: [{ files: [] }] } },
    { name: 'comments and blank lines', spec: { layers: [{ files: [shadow('# comment\n\nroot:*:1::::::\n')] }] } },
  ],
  invalid: [
    {
      name: 'empty field in shadow',
      spec: { layers: [{ files: [] }, { files: [shadow('root:*:19700:0:99999:7:::\napp::19700:0:99999:7:::\n')] }] },
      errors: [{ layer: 1, path: '/etc/shadow', message: 'Account "app" has an empty password in /etc/shadow (line 2)' }],
    },
    {
      name: 'empty field in passwd (no shadow entry used)',
      spec: { layers: [{ files: [passwd('root::0:0:root:/root:/bin/sh\n')] }] },
      errors: [{ layer: 0, path: '/etc/passwd', message: 'Account "root"' }],
    },
  ],
});
