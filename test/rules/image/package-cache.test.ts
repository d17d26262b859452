import rule from '../../../src/rules/image/package-cache.js';
import { imageRuleTester } from '../../helpers/image-tester.js';

const f = (path: string, size: number) => ({ path, size });

imageRuleTester(rule, {
  valid: [
    { name: 'no caches', spec: { layers: [{ files: [f('/usr/lib/python3/dist-packages/x.py', 100), f('/app/index.js', 50)] }] } },
    { name: 'empty cache dirs and apt lock', spec: { layers: [{ files: [{ path: '/var/cache/apt/archives/partial/', type: 'dir' }, f('/var/cache/apt/archives/lock', 0), { path: '/root/.cache/pip/', type: 'dir' }] }] } },
    { name: 'cache deleted in a later layer', spec: { layers: [{ files: [f('/root/.npm/_cacache/index-v5/aa/bb', 500)] }, { files: [{ path: '/root/.npm', type: 'whiteout' }] }] } },
    { name: 'below min-bytes', options: { 'min-bytes': 10000 }, spec: { layers: [{ files: [f('/root/.cache/pip/http-v2/a', 900)] }] } },
    { name: 'the apk cache is apk-cache\'s (IM011): one leftover, one finding', spec: { layers: [{ files: [f('/var/cache/apk/APKINDEX.a.tar.gz', 900)] }] } },
    { name: 'a project folder that is not a cache', spec: { layers: [{ files: [f('/app/.yarn/releases/yarn-4.1.0.cjs', 900), f('/app/cache/data.bin', 900)] }] } },
  ],
  invalid: [
    {
      name: 'one finding per cache with bytes',
      spec: {
        layers: [
          { files: [f('/var/cache/apt/archives/curl_8.5.0_amd64.deb', 300000), f('/var/cache/apt/pkgcache.bin', 200000)] },
          { files: [f('/root/.cache/pip/http-v2/a/b', 1500), f('/root/.cache/pip/wheels/c/d.whl', 500), f('/home/app/.cache/pip/http-v2/x', 10)] },
          { files: [f('/root/.npm/_cacache/content-v2/sha512/aa', 4000), f('/usr/local/share/.cache/yarn/v6/npm-x/package.json', 700), f('/root/.cache/go-build/00/abc-d', 9000), f('/var/cache/apk/APKINDEX.x.tar.gz', 1200)] },
        ],
      },
      errors: [
        { layer: 0, path: '/var/cache/apt', message: '/var/cache/apt holds an apt package archive of 500 kB (2 files): remove it with `apt-get clean`' },
        { layer: 1, path: '/home/app/.cache/pip', message: 'pip cache of 10 B (1 file)' },
        { layer: 1, path: '/root/.cache/pip', message: 'pip cache of 2.0 kB (2 files): remove it with `pip install --no-cache-dir`' },
        { layer: 2, path: '/root/.cache/go-build', message: 'Go build cache of 9.0 kB' },
        { layer: 2, path: '/root/.npm/_cacache', message: 'npm cache of 4.0 kB' },
        { layer: 2, path: '/usr/local/share/.cache/yarn', message: 'yarn cache of 700 B' },
      ],
    },
  ],
});
