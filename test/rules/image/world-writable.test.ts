import rule from '../../../src/rules/image/world-writable.js';
import { imageRuleTester } from '../../helpers/image-tester.js';

const dir = (path: string, mode: number) => ({ path: path + '/', type: 'dir' as const, mode });
const file = (path: string, mode: number) => ({ path, content: 'x', mode });

imageRuleTester(rule, {
  valid: [
    { name: 'tmp dirs with sticky bit and everything below them', spec: { layers: [{ files: [dir('/tmp', 0o1777), dir('/var/tmp', 0o1777), file('/tmp/x', 0o666), dir('/dev/shm', 0o1777)] }] } },
    { name: 'sticky world-writable dir elsewhere', spec: { layers: [{ files: [dir('/var/lib/php/sessions', 0o1733)] }] } },
    { name: 'symlinks are always 777', spec: { layers: [{ files: [{ path: '/usr/bin/x', type: 'symlink', linkname: 'y' }] }] } },
    { name: 'group-writable is fine', spec: { layers: [{ files: [dir('/data', 0o775), file('/data/a', 0o664)] }] } },
    { name: 'fixed by a later chmod', spec: { layers: [{ files: [dir('/app', 0o777)] }, { files: [dir('/app', 0o755)] }] } },
    { name: 'allow option', options: { allow: ['/srv/uploads/'] }, spec: { layers: [{ files: [dir('/srv/uploads', 0o777)] }] } },
  ],
  invalid: [
    {
      name: 'chmod -R 777 reported once for the tree',
      spec: { layers: [{ files: [] }, { files: [dir('/app', 0o777), dir('/app/lib', 0o777), file('/app/lib/a.js', 0o777), file('/app/b.js', 0o666)] }] },
      errors: [{ layer: 1, path: '/app', message: '/app is writable by everyone without the sticky bit (mode 0777), with 3 more world-writable entries below it' }],
    },
    {
      name: 'a sibling whose name sorts inside the tree (/app-data) does not split /app\'s finding',
      spec: { layers: [{ files: [dir('/app', 0o777), dir('/app-data', 0o777), file('/app/config.yml', 0o666), dir('/app/lib', 0o777), file('/app/lib/x.js', 0o666)] }] },
      errors: [
        { layer: 0, path: '/app', message: '/app is writable by everyone without the sticky bit (mode 0777), with 3 more world-writable entries below it' },
        { layer: 0, path: '/app-data', message: '/app-data is writable by everyone without the sticky bit (mode 0777): any user' },
      ],
    },
    {
      name: 'a world-writable file in a normal directory',
      spec: { layers: [{ files: [dir('/etc/app', 0o755), file('/etc/app/config.yml', 0o666)] }] },
      errors: [{ layer: 0, path: '/etc/app/config.yml', message: 'is writable by everyone (mode 0666)' }],
    },
  ],
});
