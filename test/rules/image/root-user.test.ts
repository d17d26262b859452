import rule from '../../../src/rules/image/root-user.js';
import { imageRuleTester } from '../../helpers/image-tester.js';

const passwd = { path: '/etc/passwd', content: 'root:x:0:0:root:/root:/bin/sh\ntoor:x:0:0::/root:/bin/sh\napp:x:10001:10001::/home/app:/sbin/nologin\n' };
const img = (user?: string) => ({ config: user === undefined ? {} : { User: user }, layers: [{ files: [passwd] }] });

imageRuleTester(rule, {
  valid: [
    { name: 'numeric uid', spec: img('10001') },
    { name: 'uid and gid', spec: img('10001:10001') },
    { name: 'named user', spec: img('app') },
    { name: 'named user with root group is not root', spec: img('app:0') },
    {
      name: 'the first /etc/passwd line of a name wins, as runc reads it',
      spec: { config: { User: 'app' }, layers: [{ files: [{ path: '/etc/passwd', content: 'root:x:0:0::/root:/bin/sh\napp:x:10001:10001::/app:/bin/sh\napp:x:0:0::/app:/bin/sh\n' }] }] },
    },
  ],
  invalid: [
    { name: 'no user', spec: img(), errors: [{ field: 'config.User', message: 'sets no User' }] },
    { name: 'root', spec: img('root'), errors: [{ field: 'config.User', message: 'User is "root"' }] },
    { name: '0', spec: img('0'), errors: [{ field: 'config.User', message: 'User is "0"' }] },
    { name: '0:0', spec: img('0:0'), errors: [{ field: 'config.User', message: 'User is "0:0"' }] },
    { name: 'root:root', spec: img('root:root'), errors: [{ field: 'config.User', message: 'User is "root:root"' }] },
    {
      name: 'a name with UID 0 in a passwd /etc/passwd links to',
      spec: { config: { User: 'toor' }, layers: [{ files: [{ path: '/usr/share/base-passwd/passwd', content: passwd.content }, { path: '/etc/passwd', type: 'symlink', linkname: '../usr/share/base-passwd/passwd' }] }] },
      errors: [{ field: 'config.User', message: '"toor" has UID 0' }],
    },
    { name: 'a name with UID 0', spec: img('toor'), errors: [{ field: 'config.User', message: '"toor" has UID 0' }] },
    { name: 'a group without a user runs as UID 0', spec: img(':10001'), errors: [{ field: 'config.User', message: 'User is ":10001"' }] },
    {
      name: 'a name whose UID field is 00',
      spec: { config: { User: 'ops' }, layers: [{ files: [{ path: '/etc/passwd', content: 'root:x:0:0::/root:/bin/sh\nops:x:00:0::/root:/bin/sh\n' }] }] },
      errors: [{ field: 'config.User', message: '"ops" has UID 0' }],
    },
  ],
});
