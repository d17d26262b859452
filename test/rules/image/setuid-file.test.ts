import rule from '../../../src/rules/image/setuid-file.js';
import { imageRuleTester } from '../../helpers/image-tester.js';

const file = (path: string, mode: number, extra: Record<string, unknown> = {}) => ({ path, content: 'ELF', mode, ...extra });

imageRuleTester(rule, {
  valid: [
    { name: 'distro defaults', spec: { layers: [{ files: [file('/usr/bin/passwd', 0o4755), file('/usr/bin/su', 0o4755), file('/usr/bin/chage', 0o2755), file('/usr/sbin/unix_chkpwd', 0o2755), file('/bin/mount', 0o4755), file('/bin/ping', 0o4755)] }] } },
    { name: 'plain executables', spec: { layers: [{ files: [file('/usr/local/bin/app', 0o755)] }] } },
    { name: 'setgid directory is not a file', spec: { layers: [{ files: [{ path: '/var/mail/', type: 'dir', mode: 0o2775 }] }] } },
    { name: 'removed by a later layer', spec: { layers: [{ files: [file('/opt/tool', 0o4755)] }, { files: [{ path: '/opt/tool', type: 'whiteout' }] }] } },
    { name: 'chmod u-s in a later layer', spec: { layers: [{ files: [file('/opt/tool', 0o4755)] }, { files: [file('/opt/tool', 0o755)] }] } },
    { name: 'allowed by option (base name and path)', options: { allow: ['tool', '/opt/other'] }, spec: { layers: [{ files: [file('/opt/tool', 0o4755), file('/opt/other', 0o2755)] }] } },
  ],
  invalid: [
    {
      name: 'setuid root binary',
      spec: { layers: [{ files: [] }, { files: [file('/usr/local/bin/backup', 0o4755, { uid: 0, gid: 0 })] }] },
      errors: [{ layer: 1, path: '/usr/local/bin/backup', message: 'is setuid (mode 4755, owner 0:0)' }],
    },
    {
      name: 'setgid and both bits',
      spec: { layers: [{ files: [file('/opt/a', 0o2711, { gid: 42 }), file('/opt/b', 0o6755)] }] },
      errors: [
        { layer: 0, path: '/opt/a', message: 'is setgid (mode 2711, owner 0:42)' },
        { layer: 0, path: '/opt/b', message: 'is setuid and setgid (mode 6755' },
      ],
    },
    {
      name: 'sudo is not a distro default',
      spec: { layers: [{ files: [file('/usr/bin/sudo', 0o4755), file('/usr/bin/passwd', 0o4755)] }] },
      errors: [{ layer: 0, path: '/usr/bin/sudo' }],
    },
  ],
});
