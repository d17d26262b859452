import { describe, expect, it } from 'vitest';
import { stackLayers } from '../../src/model/image/overlay.js';
import type { LayerSummary } from '../../src/model/image/types.js';
import { layerSummariesFromSpec, modelFromSpec, type ImageSpec, type SpecFile } from '../helpers/image-spec.js';

const file = (path: string, content = 'x', extra: Partial<SpecFile> = {}): SpecFile => ({ path, content, ...extra });
const paths = (spec: ImageSpec): string[] => [...modelFromSpec(spec).files.keys()].sort();

describe('stacking layers into the merged filesystem', () => {
  it('a later file replaces an earlier one and records the layer that wrote it', () => {
    const m = modelFromSpec({ layers: [{ files: [file('/a', 'one')] }, { files: [file('/a', 'three')] }] });
    expect(m.files.get('/a')).toMatchObject({ size: 5, layer: 1, type: 'file' });
  });

  it('a whiteout deletes the path and its whole subtree from lower layers', () => {
    const spec: ImageSpec = {
      layers: [
        { files: [{ path: '/d/', type: 'dir' }, file('/d/x'), file('/d/sub/y'), file('/keep')] },
        { files: [{ path: '/d', type: 'whiteout' }] },
      ],
    };
    expect(paths(spec)).toEqual(['/keep']);
  });

  it('a whiteout before a path the same layer writes deletes only the lower copy', () => {
    const spec: ImageSpec = {
      layers: [
        { files: [file('/etc/app.conf', 'old')] },
        { files: [{ path: '/etc/app.conf', type: 'whiteout' }, file('/etc/app.conf', 'new!')] },
      ],
    };
    expect(modelFromSpec(spec).files.get('/etc/app.conf')).toMatchObject({ size: 4, layer: 1 });
  });

  it('a whiteout after a path the same layer writes deletes that copy too, as Docker and containerd apply entries in order', () => {
    const env = 'TOKEN=ghp_0123456789abcdefghijklmnopqrstuvwxyzAB';
    const spec: ImageSpec = {
      layers: [
        { files: [file('/etc/app.conf', 'old')] },
        {
          files: [
            file('/etc/app.conf', 'new!'), { path: '/etc/app.conf', type: 'whiteout' },
            file('/app/.env', env), { path: '/app', type: 'whiteout' }, file('/app/run', 'elf'),
          ],
        },
      ],
    };
    const m = modelFromSpec(spec);
    expect(m.files.has('/etc/app.conf')).toBe(false);
    expect([...m.files.keys()].filter((p) => p.startsWith('/app')).sort()).toEqual(['/app/run']);
    // The deleted copies still ship in layer 1: counted once in its size, and their captured bytes stay visible.
    expect(m.layers[1].size).toBe(4 + env.length + 3);
    expect(m.economics.inefficientPaths.find((p) => p.path === '/etc/app.conf')).toMatchObject({ layers: [0, 1], removedIn: 1, reclaimableBytes: 7 });
    expect(m.removedContents.map((r) => `${r.layer}:${r.path}`)).toContain('1:/app/.env');
  });

  it('an opaque dir hides every lower child at any depth but keeps the same layer children listed before the marker', () => {
    const spec: ImageSpec = {
      layers: [
        { files: [{ path: '/app/', type: 'dir' }, file('/app/old.js'), file('/app/lib/deep/x.js'), file('/other')] },
        { files: [{ path: '/app/', type: 'dir', mode: 0o750 }, file('/app/new.js'), { path: '/app', type: 'opaque' }] },
      ],
    };
    const m = modelFromSpec(spec);
    expect([...m.files.keys()].sort()).toEqual(['/app', '/app/new.js', '/other']);
    expect(m.files.get('/app')).toMatchObject({ mode: 0o750, layer: 1 });
  });

  it('dir over dir keeps the children and takes the new attributes; a file over a dir drops the subtree', () => {
    const spec: ImageSpec = {
      layers: [
        { files: [{ path: '/d/', type: 'dir' }, file('/d/keep'), { path: '/e/', type: 'dir' }, file('/e/gone')] },
        { files: [{ path: '/d/', type: 'dir', mode: 0o700, uid: 5 }, file('/e', 'now a file')] },
      ],
    };
    const m = modelFromSpec(spec);
    expect([...m.files.keys()].sort()).toEqual(['/d', '/d/keep', '/e']);
    expect(m.files.get('/d')).toMatchObject({ mode: 0o700, uid: 5, layer: 1 });
    expect(m.files.get('/e')).toMatchObject({ type: 'file', size: 10 });
  });

  it('directories the tar never listed still carry their children through deletions', () => {
    // No entry for /opt or /opt/tool: a whiteout of /opt must still reach /opt/tool/bin.
    const spec: ImageSpec = { layers: [{ files: [file('/opt/tool/bin', 'elf')] }, { files: [{ path: '/opt', type: 'whiteout' }] }] };
    expect(paths(spec)).toEqual([]);
  });

  it('duplicates in one layer: the last one wins', () => {
    const m = modelFromSpec({ layers: [{ files: [file('/a', 'first'), file('/a', 'second!', { mode: 0o600 })] }] });
    expect(m.files.get('/a')).toMatchObject({ size: 7, mode: 0o600 });
    expect(m.layers[0].size).toBe(7);
  });

  it('a hardlink points at the entry it shares data with, even after the original name is deleted', () => {
    const spec: ImageSpec = {
      layers: [
        { files: [file('/usr/bin/tool', 'ELF-binary', { mode: 0o755 }), { path: '/usr/bin/alias', type: 'hardlink', linkname: '/usr/bin/tool' }] },
        { files: [{ path: '/usr/bin/tool', type: 'whiteout' }] },
      ],
    };
    const alias = modelFromSpec(spec).files.get('/usr/bin/alias')!;
    expect(alias.type).toBe('hardlink');
    expect(alias.linkTarget).toMatchObject({ path: '/usr/bin/tool', size: 10, mode: 0o755 });
  });

  it('captured contents are the final version: deleted or overwritten-uncaptured content does not survive', () => {
    const spec: ImageSpec = {
      layers: [
        { files: [file('/etc/passwd', 'root:x:0:0::/root:/bin/sh\n'), file('/etc/shadow', 'root:*:1::::::\n'), file('/app/.env', 'TOKEN=1')] },
        { files: [{ path: '/etc/shadow', type: 'whiteout' }, file('/etc/passwd', 'root:x:0:0::/root:/bin/bash\n')] },
      ],
    };
    const base = layerSummariesFromSpec(spec);
    // Layer 1 rewrites /app/.env but the reader did not capture it (say, it went over the size cap).
    base[1].entries.push({ path: '/app/.env', type: 'file', size: 999_999, mode: 0o644, uid: 0, gid: 0, mtime: 0 });
    const merged = stackLayers(base);
    expect(merged.contents.get('/etc/passwd')?.toString()).toContain('/bin/bash');
    expect(merged.contents.has('/etc/shadow')).toBe(false);
    expect(merged.contents.has('/app/.env')).toBe(false);
    expect(merged.files.get('/app/.env')?.size).toBe(999_999);
  });

  it('stacks 100k entries with deletions fast enough (no quadratic subtree deletes)', () => {
    const layers: LayerSummary[] = [];
    const n = 100_000;
    const entries = Array.from({ length: n }, (_, i) => ({
      path: `/usr/share/d${i % 1000}/f${i}`, type: 'file' as const, size: 10, mode: 0o644, uid: 0, gid: 0, mtime: 0,
    }));
    const layer = (e: LayerSummary['entries'], whiteouts: string[] = [], opaqueDirs: string[] = []): LayerSummary => ({
      blob: 'b', compression: 'none', compressedSize: 0, tarSize: 0, entries: e, whiteouts, opaqueDirs, contents: new Map(),
    });
    layers.push(layer(entries));
    // Each of 1000 whiteouts and 1000 opaque dirs touches a subtree: quadratic code would crawl.
    layers.push(layer([], Array.from({ length: 500 }, (_, i) => `/usr/share/d${i}`), Array.from({ length: 500 }, (_, i) => `/usr/share/d${500 + i}`)));
    const start = performance.now();
    const merged = stackLayers(layers);
    const ms = performance.now() - start;
    expect(merged.files.size).toBe(0);
    expect(ms).toBeLessThan(5000); // generous for a loaded CI machine; quadratic deletes take far longer
  });
});
