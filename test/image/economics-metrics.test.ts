import { describe, expect, it } from 'vitest';
import { baseBoundaryIndex, baseLayerCountFromHistory, pairHistory } from '../../src/model/image/economics.js';
import type { HistoryEntry } from '../../src/model/image/types.js';
import { modelFromSpec, type ImageSpec, type SpecFile } from '../helpers/image-spec.js';

const sized = (path: string, n: number, extra: Partial<SpecFile> = {}): SpecFile => ({ path, content: 'x'.repeat(n), ...extra });
const h = (createdBy: string, emptyLayer = false): HistoryEntry => ({ createdBy, emptyLayer });

describe('economics of rewritten and deleted files', () => {
  it('a chmod rewrite is a second copy: reclaimable is the first one, dive counts both', () => {
    const m = modelFromSpec({ layers: [{ files: [sized('/opt/big', 1000)] }, { files: [sized('/opt/big', 1000, { mode: 0o755 })] }] });
    expect(m.economics).toMatchObject({ totalBytes: 2000, finalBytes: 1000, reclaimableBytes: 1000, diveWastedBytes: 2000, efficiency: 0.5, diveEfficiency: 0.5 });
    expect(m.economics.inefficientPaths).toEqual([{ path: '/opt/big', layers: [0, 1], totalBytes: 2000, reclaimableBytes: 1000 }]);
  });

  it('a cache deleted through its directory counts every file below it, all copies reclaimable', () => {
    const spec: ImageSpec = {
      layers: [
        { files: [sized('/root/.cache/pip/a.whl', 400), sized('/root/.cache/pip/b.whl', 100), sized('/app.py', 50)] },
        { files: [{ path: '/root/.cache', type: 'whiteout' }] },
      ],
    };
    const e = modelFromSpec(spec).economics;
    expect(e.reclaimableBytes).toBe(500);
    expect(e.diveWastedBytes).toBe(500);
    expect(e.finalBytes).toBe(50);
    expect(e.diveEfficiency).toBeCloseTo(50 / 550, 10);
    expect(e.inefficientPaths.map((p) => [p.path, p.reclaimableBytes])).toEqual([['/root/.cache/pip/a.whl', 400], ['/root/.cache/pip/b.whl', 100]]);
  });

  it('files hidden by an opaque directory are deleted copies too', () => {
    const spec: ImageSpec = {
      layers: [
        { files: [{ path: '/srv/', type: 'dir' }, sized('/srv/old.bin', 70)] },
        { files: [sized('/srv/new.bin', 30), { path: '/srv', type: 'opaque' }] },
      ],
    };
    const e = modelFromSpec(spec).economics;
    expect(e).toMatchObject({ totalBytes: 100, finalBytes: 30, reclaimableBytes: 70, diveWastedBytes: 70 });
  });

  it('a hardlink is counted once, and keeps its data alive when the original name is deleted', () => {
    const linked: ImageSpec = { layers: [{ files: [sized('/bin/a', 600), { path: '/bin/b', type: 'hardlink', linkname: '/bin/a' }] }] };
    expect(modelFromSpec(linked).economics).toMatchObject({ totalBytes: 600, finalBytes: 600, reclaimableBytes: 0 });

    const survived: ImageSpec = { layers: [...linked.layers, { files: [{ path: '/bin/a', type: 'whiteout' }] }] };
    const e = modelFromSpec(survived).economics;
    expect(e).toMatchObject({ totalBytes: 600, finalBytes: 600, reclaimableBytes: 0 });
    expect(e.largestFiles).toEqual([{ path: '/bin/b', bytes: 600, layer: 0 }]);
  });

  it('a hardlink keeps the original data alive when a later layer overwrites the name', () => {
    const spec: ImageSpec = {
      layers: [{ files: [sized('/a', 100), { path: '/b', type: 'hardlink', linkname: '/a' }] }, { files: [sized('/a', 200)] }],
    };
    const e = modelFromSpec(spec).economics;
    expect(e).toMatchObject({ totalBytes: 300, finalBytes: 300, reclaimableBytes: 0, diveWastedBytes: 300 });
    expect(e.largestFiles).toEqual([{ path: '/a', bytes: 200, layer: 1 }, { path: '/b', bytes: 100, layer: 0 }]);
  });

  it('reclaimable bytes always equal total minus final bytes (random layer stacks)', () => {
    let seed = 42;
    const rand = (n: number): number => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) % n);
    const names = ['/a', '/b', '/d/x', '/d/y', '/d/e/z', '/h'];
    for (let round = 0; round < 50; round++) {
      const layers: ImageSpec['layers'] = [];
      for (let l = 0; l < 4; l++) {
        const files: SpecFile[] = [];
        for (let k = 0; k < 4; k++) {
          const path = names[rand(names.length)];
          const op = rand(6);
          if (op === 0) files.push({ path: rand(2) ? path : '/d', type: 'whiteout' });
          else if (op === 1) files.push({ path: '/d', type: 'opaque' });
          else if (op === 2) files.push({ path, type: 'hardlink', linkname: names[rand(names.length)] });
          else files.push(sized(path, 1 + rand(50)));
        }
        layers.push({ files });
      }
      const e = modelFromSpec({ layers }).economics;
      expect(e.reclaimableBytes, `round ${round}`).toBe(e.totalBytes - e.finalBytes);
      expect(e.diveWastedBytes).toBeGreaterThanOrEqual(e.reclaimableBytes);
      expect(e.diveEfficiency).toBeLessThanOrEqual(1);
    }
  });

  it('a file written, deleted and written again keeps the last copy', () => {
    const spec: ImageSpec = {
      layers: [{ files: [sized('/f', 10)] }, { files: [{ path: '/f', type: 'whiteout' }] }, { files: [sized('/f', 25)] }],
    };
    expect(modelFromSpec(spec).economics.inefficientPaths).toEqual([{ path: '/f', layers: [0, 2], totalBytes: 35, reclaimableBytes: 10 }]);
  });

  it('an image with nothing rewritten is fully efficient by both definitions; an empty one too', () => {
    const e = modelFromSpec({ layers: [{ files: [sized('/a', 5)] }, { files: [sized('/b', 7)] }] }).economics;
    expect(e).toMatchObject({ efficiency: 1, diveEfficiency: 1, reclaimableBytes: 0, diveWastedBytes: 0, inefficientPaths: [] });
    expect(modelFromSpec({ layers: [] }).economics).toMatchObject({ totalBytes: 0, efficiency: 1, diveEfficiency: 1, userWastedPercent: 0 });
  });

  it('largest files and directories: top 20, directory size from final descendants, ties by path', () => {
    const files: SpecFile[] = [];
    for (let i = 0; i < 25; i++) files.push(sized(`/data/f${String(i).padStart(2, '0')}`, 100 + i));
    files.push(sized('/usr/lib/x/a', 1000), sized('/usr/lib/y/b', 1000), sized('/gone/z', 5000));
    const m = modelFromSpec({ layers: [{ files }, { files: [{ path: '/gone', type: 'whiteout' }] }] });
    const e = m.economics;
    expect(e.largestFiles).toHaveLength(20);
    expect(e.largestFiles.slice(0, 3)).toEqual([
      { path: '/usr/lib/x/a', bytes: 1000, layer: 0 },
      { path: '/usr/lib/y/b', bytes: 1000, layer: 0 },
      { path: '/data/f24', bytes: 124, layer: 0 },
    ]);
    const dataBytes = Array.from({ length: 25 }, (_, i) => 100 + i).reduce((a, b) => a + b, 0);
    expect(e.largestDirs.slice(0, 5)).toEqual([
      { path: '/data', bytes: dataBytes },
      { path: '/usr', bytes: 2000 },
      { path: '/usr/lib', bytes: 2000 },
      { path: '/usr/lib/x', bytes: 1000 },
      { path: '/usr/lib/y', bytes: 1000 },
    ]);
    expect(e.largestDirs.some((d) => d.path === '/gone' || d.path === '/')).toBe(false);
  });
});

describe('largest directories', () => {
  it('breaks ties in bytes by depth, then path, and keeps the shallowest of a deep chain', () => {
    const m = modelFromSpec({ layers: [{ files: [sized('/b/x', 10), sized('/a/c/y', 10)] }] });
    expect(m.economics.largestDirs).toEqual([{ path: '/a', bytes: 10 }, { path: '/b', bytes: 10 }, { path: '/a/c', bytes: 10 }]);
    const chain = 'd/'.repeat(1500);
    const deep = modelFromSpec({ layers: [{ files: [sized(`/${chain}f`, 7), sized('/e/g', 3)] }] }).economics.largestDirs;
    expect(deep).toHaveLength(20);
    expect(deep.slice(0, 3)).toEqual([{ path: '/d', bytes: 7 }, { path: '/d/d', bytes: 7 }, { path: '/d/d/d', bytes: 7 }]);
    expect(deep[19]).toEqual({ path: `/${'d/'.repeat(19)}d`, bytes: 7 });
  });
});

describe('base-image boundary from history (Trivy heuristic)', () => {
  it('finds the base CMD before the image own trailing empty entries, classic and BuildKit spellings', () => {
    const classic = [h('/bin/sh -c #(nop) ADD file:x in /'), h('/bin/sh -c #(nop)  CMD ["bash"]', true), h('/bin/sh -c apt-get update'), h('/bin/sh -c #(nop)  CMD ["app"]', true)];
    expect(baseBoundaryIndex(classic)).toBe(1);
    expect(baseLayerCountFromHistory(classic, 2)).toBe(1);
    const buildkit = [
      h('ADD alpine-minirootfs.tar.gz / # buildkit'), h('RUN /bin/sh -c apk add x # buildkit'), h('CMD ["/bin/sh"]', true),
      h('WORKDIR /app', false), h('COPY . . # buildkit'), h('ENTRYPOINT ["/app/run"]', true), h('CMD ["serve"]', true),
    ];
    expect(baseBoundaryIndex(buildkit)).toBe(2);
    expect(baseLayerCountFromHistory(buildkit, 4)).toBe(2);
  });

  it('no base CMD, or only the image own trailing CMD: no base layers', () => {
    expect(baseLayerCountFromHistory([h('COPY app /'), h('CMD ["/app"]', true)], 1)).toBe(0);
    expect(baseLayerCountFromHistory([h('ADD rootfs /'), h('RUN make'), h('ENV A=1', true)], 2)).toBe(0);
    expect(baseLayerCountFromHistory([], 3)).toBe(0);
  });

  it('does not take layer 0 as the base when the history says two layers are', () => {
    const spec: ImageSpec = {
      history: [
        { created_by: 'ADD rootfs.tar / # buildkit' }, { created_by: 'RUN install-runtime # buildkit' }, { created_by: 'CMD ["python3"]', empty_layer: true },
        { created_by: 'COPY app /app # buildkit' }, { created_by: 'CMD ["python3", "/app/main.py"]', empty_layer: true },
      ],
      layers: [{ files: [sized('/bin/sh', 10)] }, { files: [sized('/usr/bin/python3', 20)] }, { files: [sized('/app/main.py', 5), sized('/usr/bin/python3', 20)] }],
    };
    const m = modelFromSpec(spec);
    expect(m.baseLayerCount).toBe(2);
    expect(m.layers.map((l) => l.base)).toEqual([true, true, false]);
    expect(m.economics).toMatchObject({ baseBytes: 30, userBytes: 25, reclaimableBytes: 20, userWastedPercent: 0.8 });
  });

  it('pairs non-empty history entries with layers in order, leaving extra layers unpaired', () => {
    const paired = pairHistory([h('A'), h('ENV', true), h('B')], 3);
    expect(paired.map((p) => p?.createdBy)).toEqual(['A', 'B', undefined]);
  });
});
