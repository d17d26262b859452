import rule from '../../../src/rules/image/duplicate-uid-gid.js';
import { imageRuleTester } from '../../helpers/image-tester.js';

const files = (passwd?: string, group?: string) => ({
  layers: [{ files: [...(passwd ? [{ path: '/etc/passwd', content: passwd }] : []), ...(group ? [{ path: '/etc/group', content: group }] : [])] }],
});

imageRuleTester(rule, {
  valid: [
    { name: 'unique ids', spec: files('root:x:0:0::/root:/bin/sh\napp:x:1000:1000::/home/app:/bin/sh\n', 'root:x:0:\napp:x:1000:\n') },
    { name: 'same GID as primary group of two users is fine', spec: files('a:x:1000:100::/:/bin/sh\nb:x:1001:100::/:/bin/sh\n') },
    { name: 'no account files', spec: files() },
    { name: 'the same line twice is one account', spec: files('app:x:1000:1000::/:/bin/sh\napp:x:1000:1000::/:/bin/sh\n') },
  ],
  invalid: [
    {
      name: 'shared UID',
      spec: files('root:x:0:0::/root:/bin/sh\ntoor:x:0:0::/root:/bin/sh\napp:x:1000:1000::/:/bin/sh\n'),
      errors: [{ layer: 0, path: '/etc/passwd', message: 'UID 0 is shared by root, toor' }],
    },
    {
      name: 'shared GID',
      spec: files(undefined, 'root:x:0:\nstaff:x:50:\nwheel:x:50:app\n'),
      errors: [{ layer: 0, path: '/etc/group', message: 'GID 50 is shared by staff, wheel' }],
    },
    {
      name: 'many accounts on one UID: the message names five, each cut after 64 characters',
      spec: files(`${'x'.repeat(100)}:x:0:0::/:/bin/sh\n${Array.from({ length: 7 }, (_, i) => `u${i}:x:0:0::/:/bin/sh\n`).join('')}`),
      errors: [{ layer: 0, path: '/etc/passwd', message: `UID 0 is shared by ${'x'.repeat(64)}…, u0, u1, u2, u3 and 3 more in /etc/passwd` }],
    },
  ],
});
