/**
 * The directory hierarchy of an image's final filesystem, weighted by content bytes, for the
 * treemap. Depth-limited while it is built: a directory at the depth limit keeps only totals, so
 * the tree stays small however many files the image holds.
 */
import { dataEntry } from '../model/image/overlay.js';
import type { ImageFile, InefficientPath } from '../model/image/types.js';

export interface SizeNode {
  /** Last path segment (`/` for the root). */
  name: string;
  path: string;
  /** Content bytes of the regular files at or under this path. */
  bytes: number;
  /** Regular files (with content) at or under this path. */
  files: number;
  /** Reclaimable bytes of inefficient paths at or under this path (removed ones count at their nearest surviving ancestor). */
  wasted: number;
  dir: boolean;
  /** Kept only above the depth limit. */
  children?: Map<string, SizeNode>;
}

function newNode(name: string, path: string, dir: boolean): SizeNode {
  return { name, path, bytes: 0, files: 0, wasted: 0, dir, ...(dir ? { children: new Map() } : {}) };
}

/** `maxDepth` 1 keeps only the top-level entries (`/usr`, `/etc`...). */
export function buildSizeTree(files: ReadonlyMap<string, ImageFile>, inefficient: readonly InefficientPath[], maxDepth: number): SizeNode {
  const root = newNode('/', '/', true);
  const counted = new Set<ImageFile>();
  for (const f of files.values()) {
    // Shared data counts once, under the regular file's name, or under a hardlink when that name is gone
    // (the same rule the economics follow, so the treemap adds up to the final size).
    const data = dataEntry(f);
    if (data.type !== 'file' || data.size <= 0 || counted.has(data)) continue;
    if (f !== data && files.get(data.path) === data) continue;
    counted.add(data);
    const size = data.size;
    const segs = f.path.split('/').filter(Boolean);
    let node = root;
    node.bytes += size;
    node.files++;
    for (let i = 0; i < segs.length && i < maxDepth; i++) {
      const isLeafFile = i === segs.length - 1;
      let child = node.children?.get(segs[i]);
      if (!child) {
        child = newNode(segs[i], `${node.path === '/' ? '' : node.path}/${segs[i]}`, !isLeafFile);
        // Directories at the depth limit keep totals only.
        if (child.dir && i === maxDepth - 1) delete child.children;
        node.children?.set(segs[i], child);
      }
      child.bytes += size;
      child.files++;
      node = child;
    }
  }
  for (const p of inefficient) {
    if (p.reclaimableBytes <= 0) continue;
    let node: SizeNode | undefined = root;
    for (const seg of p.path.split('/').filter(Boolean)) {
      node.wasted += p.reclaimableBytes;
      const next: SizeNode | undefined = node.children?.get(seg);
      if (!next) { node = undefined; break; }
      node = next;
    }
    if (node) node.wasted += p.reclaimableBytes;
  }
  return root;
}
