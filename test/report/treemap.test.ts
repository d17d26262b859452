import { describe, expect, it } from 'vitest';
import { buildSizeTree, type SizeNode } from '../../src/report/size-tree.js';
import { layoutTreemap, squarify, type Box, type TreemapRect } from '../../src/report/treemap.js';
import { modelFromSpec } from '../helpers/image-spec.js';
import { bigSpec, REPORT_SPEC } from './fixtures.js';

const area = (b: Box) => b.w * b.h;
const EPS = 1e-6;

function inside(inner: Box, outer: Box): boolean {
  return inner.x >= outer.x - EPS && inner.y >= outer.y - EPS && inner.x + inner.w <= outer.x + outer.w + EPS && inner.y + inner.h <= outer.y + outer.h + EPS;
}

function overlap(a: Box, b: Box): number {
  const w = Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y);
  return w > 0 && h > 0 ? w * h : 0;
}

const aspect = (b: Box) => Math.max(b.w / b.h, b.h / b.w);

describe('squarify', () => {
  it('fills the box exactly, in proportion, without overlaps', () => {
    const box = { x: 10, y: 20, w: 600, h: 400 };
    const values = [6, 6, 4, 3, 2, 2, 1];
    const boxes = squarify(values, box);
    const total = values.reduce((a, b) => a + b, 0);
    expect(boxes).toHaveLength(values.length);
    boxes.forEach((b, i) => {
      expect(inside(b, box)).toBe(true);
      expect(area(b) / area(box)).toBeCloseTo(values[i] / total, 6);
      for (let j = i + 1; j < boxes.length; j++) expect(overlap(b, boxes[j])).toBeLessThan(EPS);
    });
  });

  it('keeps rectangles close to square where slicing in strips would not', () => {
    const box = { x: 0, y: 0, w: 600, h: 400 };
    const values = [6, 6, 4, 3, 2, 2, 1];
    const worst = Math.max(...squarify(values, box).map(aspect));
    // Slicing the 600px width into 7 strips makes the smallest one 25px wide and 400px high (16:1).
    expect(worst).toBeLessThan(3);
  });

  it('gives empty boxes for a zero total and nothing for no values', () => {
    expect(squarify([], { x: 0, y: 0, w: 10, h: 10 })).toEqual([]);
    expect(squarify([0, 0], { x: 0, y: 0, w: 10, h: 10 }).every((b) => area(b) === 0)).toBe(true);
  });
});

describe('buildSizeTree', () => {
  const model = modelFromSpec(REPORT_SPEC);

  it('adds up to the final filesystem size and nests by directory', () => {
    const tree = buildSizeTree(model.files, model.economics.inefficientPaths, 4);
    expect(tree.bytes).toBe(model.economics.finalBytes);
    const lib = tree.children!.get('lib')!;
    expect(lib.dir).toBe(true);
    expect(lib.bytes).toBe(31_000 + 8_000);
    expect(lib.children!.get('libc.so')).toMatchObject({ dir: false, bytes: 31_000, path: '/lib/libc.so' });
  });

  it('keeps only totals below the depth limit', () => {
    const tree = buildSizeTree(model.files, [], 2);
    const gcc = tree.children!.get('usr')!.children!.get('lib')!;
    expect(gcc).toMatchObject({ path: '/usr/lib', dir: true, bytes: 60_000, files: 1 });
    expect(gcc.children).toBeUndefined();
  });

  it('puts reclaimable bytes on the path and its ancestors, and removed paths on their nearest surviving ancestor', () => {
    const tree = buildSizeTree(model.files, model.economics.inefficientPaths, 4);
    const libc = model.economics.inefficientPaths.find((p) => p.path === '/lib/libc.so')!;
    const removed = model.economics.inefficientPaths.find((p) => p.path === '/var/cache/big/blob.bin')!;
    expect(tree.children!.get('lib')!.children!.get('libc.so')!.wasted).toBe(libc.reclaimableBytes);
    expect(tree.children!.get('lib')!.wasted).toBe(libc.reclaimableBytes);
    expect(tree.children!.has('var')).toBe(false); // nothing with content is left there
    expect(tree.wasted).toBe(libc.reclaimableBytes + removed.reclaimableBytes);
  });

  it('counts a hardlink whose original name was removed, and shared data only once', () => {
    const m = modelFromSpec({
      layers: [
        { files: [{ path: 'a/orig', content: 'x'.repeat(500) }, { path: 'a/link', type: 'hardlink', linkname: 'a/orig' }, { path: 'b/keep', content: 'k'.repeat(70) }, { path: 'b/twin', type: 'hardlink', linkname: 'b/keep' }] },
        { files: [{ path: 'a/orig', type: 'whiteout' }] },
      ],
    });
    const tree = buildSizeTree(m.files, [], 4);
    expect(tree.children!.get('a')!.children!.get('link')!.bytes).toBe(500);
    expect(tree.children!.get('b')!.bytes).toBe(70);
    expect(tree.bytes).toBe(m.economics.finalBytes);
  });
});

describe('layoutTreemap', () => {
  const opts = { width: 1000, height: 560, maxRects: 400, minArea: 120, header: 15, pad: 2 };

  function childrenInsideFrames(rects: TreemapRect[]): void {
    // Each rect lies in the frame of its parent directory (the last frame of the path above it).
    const frames = new Map(rects.filter((r) => r.kind === 'dir').map((r) => [r.path, r]));
    for (const r of rects) {
      const parentPath = r.kind === 'other' ? r.path : r.path.slice(0, r.path.lastIndexOf('/'));
      const frame = frames.get(parentPath);
      if (frame && frame !== r) expect(inside(r, frame)).toBe(true);
    }
  }

  it('draws the small image fully, nested, with its area shared by size', () => {
    const model = modelFromSpec(REPORT_SPEC);
    const tree = buildSizeTree(model.files, model.economics.inefficientPaths, 4);
    const { rects, filesTotal, filesShown } = layoutTreemap(tree, opts);
    const top = rects.filter((r) => r.depth === 1);
    const total = top.reduce((a, r) => a + area(r), 0);
    expect(total).toBeCloseTo(opts.width * opts.height, 3);
    // usr/ holds only lib/, which holds only gcc/: one frame for the chain.
    const usr = top.find((r) => r.label === 'usr/lib/gcc')!;
    expect(usr).toMatchObject({ kind: 'dir', path: '/usr/lib/gcc' });
    expect(area(usr) / total).toBeCloseTo(60_000 / tree.bytes, 6);
    expect(rects.find((r) => r.path === '/lib/libc.so')).toMatchObject({ kind: 'file', wasted: 30_000 });
    expect(filesTotal).toBe(10);
    expect(filesShown).toBeLessThanOrEqual(filesTotal);
    childrenInsideFrames(rects);
  });

  it('never exceeds the rectangle budget and folds the rest into "other"', () => {
    const model = modelFromSpec(bigSpec(60, 30));
    const tree = buildSizeTree(model.files, [], 4);
    for (const maxRects of [1, 5, 37, 150]) {
      const layout = layoutTreemap(tree, { ...opts, maxRects });
      expect(layout.rects.length).toBeLessThanOrEqual(maxRects);
      expect(layout.rects.length).toBeGreaterThan(0);
      // Every file is drawn exactly once: alone, inside a folded directory, or inside "other".
      const leaves = layout.rects.filter((r) => r.kind !== 'dir');
      expect(leaves.reduce((a, r) => a + r.files, 0)).toBe(60 * 30);
      expect(layout.filesShown).toBeLessThan(60 * 30);
      expect(leaves.some((r) => r.kind === 'other' || r.kind === 'folded')).toBe(true);
      childrenInsideFrames(layout.rects);
    }
  });

  it('folds items too small to see even with budget to spare', () => {
    const root: SizeNode = { name: '/', path: '/', bytes: 0, files: 0, wasted: 0, dir: true, children: new Map() };
    const add = (name: string, bytes: number) => {
      root.children!.set(name, { name, path: `/${name}`, bytes, files: 1, wasted: 0, dir: false });
      root.bytes += bytes;
      root.files++;
    };
    add('huge', 1_000_000);
    for (let i = 0; i < 20; i++) add(`tiny${i}`, 10);
    const { rects } = layoutTreemap(root, opts);
    expect(rects.map((r) => r.kind)).toEqual(['file', 'other']);
    expect(rects[1]).toMatchObject({ count: 20, bytes: 200, label: 'other (20)' });
  });
});
