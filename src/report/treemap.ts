/**
 * Squarified treemap layout (Bruls, Huizing and van Wijk, 2000): rows of rectangles are laid
 * along the shorter side of the space left, a row growing while that keeps its worst aspect ratio
 * from getting worse. Nested: a directory big enough gets a frame with a header band and its
 * children inside. Small items and everything past the rectangle budget are folded into "other".
 */
import type { SizeNode } from './size-tree.js';

export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

export type TreemapKind = 'dir' | 'file' | 'folded' | 'other';

export interface TreemapRect extends Box {
  /** `dir`: a frame with children drawn inside; `folded`: a directory drawn as one block; `other`: small siblings together. */
  kind: TreemapKind;
  label: string;
  /** The path shown (the parent's path for `other`). */
  path: string;
  bytes: number;
  /** Reclaimable bytes under it. */
  wasted: number;
  /** Regular files it stands for. */
  files: number;
  depth: number;
  /** Top-level entry it lies under (colours group by it). */
  top: string;
  /** For `other`: how many siblings it stands for. */
  count?: number;
}

export interface TreemapOptions {
  width: number;
  height: number;
  /** Upper bound on the rectangles emitted (frames included). */
  maxRects: number;
  /** Items smaller than this area (px²) are folded into "other". */
  minArea: number;
  /** Height of a directory frame's header band. */
  header: number;
  /** Inner padding of a directory frame. */
  pad: number;
}

export interface TreemapLayout {
  rects: TreemapRect[];
  /** Regular files drawn as their own rectangle. */
  filesShown: number;
  /** Regular files in the tree. */
  filesTotal: number;
}

/** Worst aspect ratio of a row of areas laid along a side of length `side`. */
function worst(sum: number, min: number, max: number, side: number): number {
  const s2 = side * side;
  const sum2 = sum * sum;
  return Math.max((s2 * max) / sum2, sum2 / (s2 * min));
}

/** Boxes for positive `values` (sorted largest first) filling `box` in proportion. */
export function squarify(values: readonly number[], box: Box): Box[] {
  const total = values.reduce((a, b) => a + b, 0);
  if (values.length === 0 || total <= 0 || box.w <= 0 || box.h <= 0) return values.map(() => ({ x: box.x, y: box.y, w: 0, h: 0 }));
  const scale = (box.w * box.h) / total;
  const areas = values.map((v) => v * scale);
  const out: Box[] = [];
  let r = { ...box };
  let i = 0;
  while (i < areas.length) {
    const side = Math.min(r.w, r.h);
    let sum = areas[i];
    let min = areas[i];
    let max = areas[i];
    let j = i + 1;
    while (j < areas.length) {
      const a = areas[j];
      const nextWorst = worst(sum + a, Math.min(min, a), Math.max(max, a), side);
      if (nextWorst > worst(sum, min, max, side)) break;
      sum += a;
      min = Math.min(min, a);
      max = Math.max(max, a);
      j++;
    }
    // The last row takes all the space left, so rounding never leaves a gap.
    const last = j === areas.length;
    if (r.w >= r.h) {
      const thick = last ? r.w : Math.min(r.w, sum / r.h);
      let y = r.y;
      for (let k = i; k < j; k++) {
        const h = k === j - 1 ? r.y + r.h - y : (areas[k] / sum) * r.h;
        out.push({ x: r.x, y, w: thick, h });
        y += h;
      }
      r = { x: r.x + thick, y: r.y, w: r.w - thick, h: r.h };
    } else {
      const thick = last ? r.h : Math.min(r.h, sum / r.w);
      let x = r.x;
      for (let k = i; k < j; k++) {
        const w = k === j - 1 ? r.x + r.w - x : (areas[k] / sum) * r.w;
        out.push({ x, y: r.y, w, h: thick });
        x += w;
      }
      r = { x: r.x, y: r.y + thick, w: r.w, h: r.h - thick };
    }
    i = j;
  }
  return out;
}

interface Item {
  node?: SizeNode;
  bytes: number;
  wasted: number;
  files: number;
  count: number;
}

export function layoutTreemap(root: SizeNode, opts: TreemapOptions): TreemapLayout {
  const rects: TreemapRect[] = [];
  let budget = opts.maxRects;
  let filesShown = 0;

  const place = (parent: SizeNode, box: Box, depth: number, top: string): void => {
    const children = [...(parent.children?.values() ?? [])].filter((c) => c.bytes > 0).sort((a, b) => b.bytes - a.bytes || (a.name < b.name ? -1 : 1));
    if (children.length === 0 || budget <= 0) return;
    const scale = (box.w * box.h) / parent.bytes;
    const items: Item[] = [];
    const rest: Item = { bytes: 0, wasted: 0, files: 0, count: 0 };
    children.forEach((c, index) => {
      // Keep a slot free for "other" while siblings remain that may need folding.
      const room = items.length + 1 + (index < children.length - 1 ? 1 : 0) <= budget;
      if (rest.count === 0 && room && c.bytes * scale >= opts.minArea) {
        items.push({ node: c, bytes: c.bytes, wasted: c.wasted, files: c.files, count: 1 });
      } else {
        rest.bytes += c.bytes;
        rest.wasted += c.wasted;
        rest.files += c.files;
        rest.count++;
      }
    });
    if (rest.count > 0) items.push(rest);
    budget -= items.length;
    const boxes = squarify(items.map((it) => it.bytes), box);
    items.forEach((it, k) => {
      const b = boxes[k];
      let node = it.node;
      if (!node) {
        const label = `other (${it.count})`;
        rects.push({ ...b, kind: 'other', label, path: parent.path, bytes: it.bytes, wasted: it.wasted, files: it.files, depth, top, count: it.count });
        return;
      }
      const nodeTop = depth === 1 ? node.name : top;
      // A chain of single subdirectories (`usr/share/`) is drawn as one frame, not one frame per level.
      let label = node.name;
      while (node.children?.size === 1) {
        const only: SizeNode = node.children.values().next().value!;
        if (!only.dir) break;
        label += `/${only.name}`;
        node = only;
      }
      const inner: Box = { x: b.x + opts.pad, y: b.y + opts.header, w: b.w - 2 * opts.pad, h: b.h - opts.header - opts.pad };
      const nested = node.dir && node.children !== undefined && node.children.size > 0 && budget > 0 && inner.w * inner.h >= opts.minArea * 2;
      const kind: TreemapKind = nested ? 'dir' : node.dir ? 'folded' : 'file';
      if (kind === 'file') filesShown++;
      rects.push({ ...b, kind, label, path: node.path, bytes: node.bytes, wasted: node.wasted, files: node.files, depth, top: nodeTop });
      if (nested) place(node, inner, depth + 1, nodeTop);
    });
  };

  place(root, { x: 0, y: 0, w: opts.width, h: opts.height }, 1, '');
  return { rects, filesShown, filesTotal: root.files };
}
