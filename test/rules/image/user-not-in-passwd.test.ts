import rule from '../../../src/rules/image/user-not-in-passwd.js';
import { imageRuleTester } from '../../helpers/image-tester.js';

const passwd = { path: '/etc/passwd', content: 'root:x:0:0:root:/root:/bin/sh\napp:x:10001:10001::/home/app:/sbin/nologin\n' };
const group = { path: '/etc/group', content: 'root:x:0:\napp:x:10001:\n' };
const img = (user: string, files: unknown[] = [passwd, group]) => ({ config: { User: user }, layers: [{ files: files as never[] }] });

imageRuleTester(rule, {
  valid: [
    { name: 'known user', spec: img('app') },
    { name: 'known user and group', spec: img('app:app') },
    { name: 'numeric ids need no entry', spec: img('10001:10001', []) },
    { name: 'no user set', spec: { layers: [{ files: [] }] } },
    { name: 'passwd reached through a symlink', spec: img('app', [{ path: '/usr/share/base/passwd', content: passwd.content }, { path: '/etc/passwd', type: 'symlink', linkname: '../usr/share/base/passwd' }]) },
  ],
  invalid: [
    {
      name: 'unknown user, /etc/passwd a symlink into another tree',
      spec: img('web', [{ path: '/usr/share/base-passwd/passwd', content: passwd.content }, { path: '/etc/passwd', type: 'symlink', linkname: '../usr/share/base-passwd/passwd' }]),
      errors: [{ field: 'config.User', path: '/etc/passwd', message: 'User "web" is not in /etc/passwd' }],
    },
    { name: 'unknown user', spec: img('web'), errors: [{ field: 'config.User', path: '/etc/passwd', message: 'User "web" is not in /etc/passwd' }] },
    { name: 'no passwd at all', spec: img('app', []), errors: [{ field: 'config.User', path: '/etc/passwd', message: 'the image has no /etc/passwd' }] },
    { name: 'unknown group', spec: img('app:web'), errors: [{ field: 'config.User', path: '/etc/group', message: 'group "web"' }] },
    {
      name: 'user removed by a later layer',
      spec: { config: { User: 'app' }, layers: [{ files: [passwd] }, { files: [{ path: '/etc/passwd', content: 'root:x:0:0:root:/root:/bin/sh\n' }] }] },
      errors: [{ field: 'config.User', path: '/etc/passwd', message: '"app"' }],
    },
  ],
});
