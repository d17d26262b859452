import rule from '../../../src/rules/image/unneeded-files.js';
import { imageRuleTester } from '../../helpers/image-tester.js';

const f = (path: string, size = 10) => ({ path, size });

imageRuleTester(rule, {
  valid: [
    { name: 'app files only', spec: { layers: [{ files: [f('/app/server.js'), f('/app/package.json')] }] } },
    { name: 'vendored trees are ignored', spec: { layers: [{ files: [f('/app/node_modules/pkg/.git/HEAD'), f('/app/vendor/lib/Dockerfile'), f('/usr/share/doc/x/.cache/y'), f('/usr/local/lib/python3.12/site-packages/x/.idea/z')] }] } },
    { name: 'accept option', options: { accept: ['/home/app/.cache'] }, spec: { layers: [{ files: [f('/home/app/.cache/x')] }] } },
    { name: 'caches package-cache (IM022) reports, and an empty .cache', spec: { layers: [{ files: [f('/home/app/.cache/pip/http-v2/a', 200), f('/root/.npm/_cacache/index-v5/b'), { path: '/root/.cache/', type: 'dir' }, { path: '/srv/.cache/', type: 'dir' }] }] } },
    { name: 'names that only start alike', spec: { layers: [{ files: [f('/app/.gitignore'), f('/app/.github/workflows/ci.yml'), f('/app/Dockerfile.md')] }] } },
  ],
  invalid: [
    {
      name: 'a .cache that holds more than a package cache counts only the rest',
      spec: { layers: [{ files: [f('/home/app/.cache/pip/http-v2/a', 200), f('/home/app/.cache/thumbnails/x.png', 30)] }] },
      errors: [{ layer: 0, path: '/home/app/.cache', message: '/home/app/.cache (1 file, 30 B) is a .cache folder: it is not needed at run time. Exclude it in .dockerignore, or delete it in the RUN step that creates it.' }],
    },
    {
      name: 'git folder, IDE folder and build files',
      spec: {
        layers: [
          { files: [f('/app/.git/HEAD', 21), f('/app/.git/objects/ab/cdef', 1000), f('/app/.idea/workspace.xml', 300)] },
          { files: [f('/app/Dockerfile'), f('/app/docker-compose.yml'), f('/app/.DS_Store')] },
        ],
      },
      errors: [
        { layer: 0, path: '/app/.git', message: '/app/.git (2 files, 1.0 kB) is a .git folder' },
        { layer: 0, path: '/app/.idea', message: '(1 file, 300 B) is a .idea folder' },
        { layer: 1, path: '/app/.DS_Store', message: 'not needed at run time' },
        { layer: 1, path: '/app/Dockerfile' },
        { layer: 1, path: '/app/docker-compose.yml' },
      ],
    },
    {
      name: 'an empty .aws folder (directory entry only) and a nested .cache counted in .git',
      spec: { layers: [{ files: [{ path: '/root/.aws/', type: 'dir' }, f('/src/.git/.cache/x', 5)] }] },
      errors: [
        { layer: 0, path: '/root/.aws', message: '(0 files, 0 B)' },
        { layer: 0, path: '/src/.git', message: '(1 file, 5 B)' },
      ],
    },
  ],
});
