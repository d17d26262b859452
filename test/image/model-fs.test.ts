import { describe, expect, it } from 'vitest';
import { DEFAULT_PATH, findInPath, imagePath, isExecutableFile, readFile, resolveLink, resolvePath } from '../../src/model/image/fs.js';
import { PATH_MAX } from '../../src/model/image/paths.js';
import { modelFromSpec, type ImageSpec } from '../helpers/image-spec.js';

const exe = (path: string, content = '#!/bin/sh\nexec "$@"\n') => ({ path, content, mode: 0o755 });
const link = (path: string, linkname: string) => ({ path, type: 'symlink' as const, linkname });

const spec: ImageSpec = {
  config: { Env: ['PATH=/opt/app/bin:/usr/bin:relative/bin'], WorkingDir: '/srv' },
  layers: [
    {
      files: [
        { path: '/usr/', type: 'dir' },
        { path: '/usr/lib/', type: 'dir' },
        { path: '/usr/lib/os-release', content: 'ID=debian\n' },
        { path: '/usr/bin/', type: 'dir' },
        exe('/usr/bin/busybox'),
        link('/bin', 'usr/bin'), // merged-usr: relative symlink at the root
        link('/etc/os-release', '../usr/lib/os-release'),
        link('/usr/bin/wget', 'busybox'),
        link('/usr/bin/curl', '/usr/bin/missing'),
        { path: '/usr/bin/notexec', content: 'x', mode: 0o644 },
        { path: '/usr/bin/hard', type: 'hardlink', linkname: '/usr/bin/busybox' },
        link('/loop/a', 'b'),
        link('/loop/b', '/loop/a'),
        link('/escape', '../../../../usr/bin/busybox'),
        link('/etc/passwd-link', '/etc/passwd'),
        { path: '/etc/passwd', content: 'root:x:0:0:root:/root:/bin/sh\n' },
        exe('/srv/run.sh'),
      ],
    },
  ],
};
const model = modelFromSpec(spec);

describe('path resolution inside the image', () => {
  it('follows relative and absolute symlinks, in the middle of a path too', () => {
    expect(resolveLink(model.files, '/bin/wget')).toBe('/usr/bin/busybox');
    expect(resolvePath(model, '/bin/wget')?.path).toBe('/usr/bin/busybox');
    expect(resolvePath(model, '/etc/os-release')?.path).toBe('/usr/lib/os-release');
    expect(resolvePath(model, '/bin/../lib/os-release')?.path).toBe('/usr/lib/os-release'); // `..` after a symlink: from the target
  });

  it('clamps `..` at the image root', () => {
    expect(resolvePath(model, '/escape')?.path).toBe('/usr/bin/busybox');
    expect(resolvePath(model, '/../../usr/bin/busybox')?.path).toBe('/usr/bin/busybox');
  });

  it('gives up on loops and dangling links, and treats a file in the middle as ENOTDIR', () => {
    expect(resolvePath(model, '/loop/a')).toBeUndefined();
    expect(resolveLink(model.files, '/loop/a')).toBeUndefined();
    expect(resolvePath(model, '/usr/bin/curl')).toBeUndefined();
    expect(resolvePath(model, '/etc/passwd/x')).toBeUndefined();
  });

  it('gives up on a path, symlink target or resolved prefix of PATH_MAX or more (ENAMETOOLONG), and resolves long legal ones', () => {
    const deep = 'a/'.repeat(1000);
    const files = modelFromSpec({
      layers: [{
        files: [
          exe(`/${deep}b`),
          link('/ok', `${deep}b`),
          link('/too-long', `${'a/'.repeat(PATH_MAX / 2)}b`),
          link('/grows', `${'c'.repeat(3000)}/next`),
          link(`/${'c'.repeat(3000)}/next`, `${'d'.repeat(2000)}`),
        ],
      }],
    }).files;
    expect(resolveLink(files, '/ok')).toBe(`/${deep}b`);
    expect(resolveLink(files, '/too-long')).toBeUndefined();
    expect(resolveLink(files, '/grows')).toBeUndefined();
    expect(resolveLink(files, `/${'x/'.repeat(PATH_MAX / 2)}`)).toBeUndefined();
  });

  it('can stop at a final symlink (lstat)', () => {
    expect(resolvePath(model, '/bin/wget', { followFinal: false })).toMatchObject({ path: '/usr/bin/wget', type: 'symlink' });
  });

  it('reads captured contents through symlinks', () => {
    expect(readFile(model, '/etc/os-release')?.toString()).toBe('ID=debian\n');
    expect(readFile(model, '/etc/passwd-link')?.toString()).toContain('root:x:0:0');
    expect(readFile(model, '/usr/bin/notexec')).toBeUndefined(); // not captured by the policy
    expect(readFile(model, '/nope')).toBeUndefined();
  });
});

describe('findInPath', () => {
  it('searches the image PATH from the config, skipping relative entries', () => {
    expect(imagePath(model.config.env)).toBe('/opt/app/bin:/usr/bin:relative/bin');
    expect(imagePath([])).toBe(DEFAULT_PATH);
    expect(findInPath(model, 'wget')).toMatchObject({ path: '/usr/bin/wget', file: { path: '/usr/bin/busybox' } });
    expect(findInPath(model, 'busybox')?.path).toBe('/usr/bin/busybox');
  });

  it('requires an executable regular file (or a hardlink to one)', () => {
    expect(findInPath(model, 'notexec')).toBeUndefined();
    expect(findInPath(model, 'curl')).toBeUndefined(); // dangling symlink
    expect(findInPath(model, 'bin', ['PATH=/usr'])).toBeUndefined(); // a directory
    expect(findInPath(model, 'hard')?.file.type).toBe('hardlink');
    expect(isExecutableFile(model.files.get('/usr/bin/hard'))).toBe(true);
  });

  it('uses the default PATH when the env has none, and takes names with a slash as paths', () => {
    expect(findInPath(model, 'wget', [])?.path).toBe('/usr/bin/wget'); // /bin is a symlink to usr/bin, /usr/bin comes first
    expect(findInPath(model, 'busybox', ['PATH=/bin'])?.path).toBe('/bin/busybox');
    expect(findInPath(model, './run.sh')?.path).toBe('/srv/run.sh');
    expect(findInPath(model, '/usr/bin/busybox')?.file.mode).toBe(0o755);
    expect(findInPath(model, 'run.sh')).toBeUndefined();
  });
});
