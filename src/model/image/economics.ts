/**
 * Layer economics: where the bytes are and which of them a rebuild could drop. Two definitions
 * sit side by side (docs/image-economics.md): dive's (every copy of a re-written path is "wasted")
 * and ours (only the copies that could go are "reclaimable").
 */
import { dataEntry, type OverlayObserver } from './overlay.js';
import type { Economics, HistoryEntry, ImageFile, InefficientPath, SizedPath } from './types.js';

export const TOP_N = 20;

interface PathRecord {
  /** Every entry that wrote the path, in layer order (one per layer: the last duplicate). */
  writes: ImageFile[];
  /** Removed at some point by a whiteout, an opaque directory or a directory replacing it. */
  deleted: boolean;
  /** The layer of the last removal. */
  removedIn?: number;
}

const contentBytes = (file: ImageFile): number => (file.type === 'file' ? file.size : 0);

/** Collects every write and removal while the overlay stacks the layers. */
export class EconomicsRecorder implements OverlayObserver {
  readonly records = new Map<string, PathRecord>();
  readonly layerBytes: number[] = [];

  write(file: ImageFile): void {
    this.layerBytes[file.layer] = (this.layerBytes[file.layer] ?? 0) + contentBytes(file);
    const rec = this.records.get(file.path);
    if (rec) rec.writes.push(file);
    else this.records.set(file.path, { writes: [file], deleted: false });
  }

  remove(file: ImageFile, layer: number): void {
    const rec = this.records.get(file.path);
    if (rec) {
      rec.deleted = true;
      rec.removedIn = layer;
    }
  }
}

/** Is this history entry a base image's `CMD` (classic builder or BuildKit spelling)? */
function isCmd(createdBy: string): boolean {
  const text = createdBy.replace(/^\/bin\/sh -c #\(nop\)\s*/, '').trimStart();
  return /^CMD(\s|\[|$)/.test(text);
}

/**
 * Trivy's heuristic for the base-image boundary: scanning from the end, skip the trailing
 * empty-layer entries (the image's own CMD, ENTRYPOINT...); the boundary is the most recent earlier
 * empty-layer CMD, which only a base image's last instruction leaves there. Returns the history
 * index of that CMD, or -1.
 */
export function baseBoundaryIndex(history: readonly HistoryEntry[]): number {
  let seenLayer = false;
  for (let i = history.length - 1; i >= 0; i--) {
    const h = history[i];
    if (!h.emptyLayer) {
      seenLayer = true;
      continue;
    }
    if (seenLayer && isCmd(h.createdBy)) return i;
  }
  return -1;
}

/** Number of layers below the boundary (non-empty history entries before it), capped at the layer count. */
export function baseLayerCountFromHistory(history: readonly HistoryEntry[], layerCount: number): number {
  const boundary = baseBoundaryIndex(history);
  if (boundary < 0) return 0;
  const below = history.slice(0, boundary).filter((h) => !h.emptyLayer).length;
  return Math.min(below, layerCount);
}

/** The history entry that made each layer: non-empty entries paired with layers in order. */
export function pairHistory(history: readonly HistoryEntry[], layerCount: number): Array<HistoryEntry | undefined> {
  const made = history.filter((h) => !h.emptyLayer);
  return Array.from({ length: layerCount }, (_, i) => made[i]);
}

function bySize(a: SizedPath, b: SizedPath): number {
  return b.bytes - a.bytes || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);
}

/** A directory in the tree of live data: its name below its parent and the bytes below it. */
interface DirNode {
  name: string;
  parent?: DirNode;
  depth: number;
  bytes: number;
  children?: Map<string, DirNode>;
}

/**
 * Bytes below every directory that holds live data. A tree keyed by one name per level costs one
 * lookup per path component; keying by the full prefix hashed every prefix again (quadratic in depth).
 */
function directoryTotals(owners: readonly SizedPath[]): DirNode[] {
  const root: DirNode = { name: '', depth: 0, bytes: 0 };
  const nodes: DirNode[] = [];
  for (const o of owners) {
    let node = root;
    let start = 1;
    for (let slash = o.path.indexOf('/', start); slash > 0; slash = o.path.indexOf('/', start)) {
      const name = o.path.slice(start, slash);
      node.children ??= new Map();
      let child = node.children.get(name);
      if (!child) {
        child = { name, parent: node, depth: node.depth + 1, bytes: 0 };
        node.children.set(name, child);
        nodes.push(child);
      }
      child.bytes += o.bytes;
      node = child;
      start = slash + 1;
    }
  }
  return nodes;
}

function pathOf(node: DirNode): string {
  const names: string[] = [];
  for (let n: DirNode | undefined = node; n?.parent; n = n.parent) names.push(n.name);
  return '/' + names.reverse().join('/');
}

/**
 * The `TOP_N` largest directories, ties broken by depth, then path. Only the directories tied with
 * the last place get their paths built for the comparison: along one deep chain every directory
 * holds the same bytes, and comparing all their paths would be quadratic.
 */
function largestDirectories(nodes: DirNode[]): SizedPath[] {
  const byWeight = (a: DirNode, b: DirNode) => b.bytes - a.bytes || a.depth - b.depth;
  nodes.sort(byWeight);
  if (nodes.length > TOP_N) {
    const last = nodes[TOP_N - 1];
    let end = TOP_N;
    while (end < nodes.length && byWeight(nodes[end], last) === 0) end++;
    nodes = nodes.slice(0, end);
  }
  return nodes
    .map((n) => ({ node: n, path: pathOf(n) }))
    .sort((a, b) => byWeight(a.node, b.node) || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
    .slice(0, TOP_N)
    .map(({ node, path }) => ({ path, bytes: node.bytes }));
}

/**
 * Each distinct data blob in the final filesystem, once, at the path that owns it: a regular file
 * at its own path, or a hardlink whose original name is gone.
 */
function liveData(files: ReadonlyMap<string, ImageFile>): { owners: SizedPath[]; inodes: Set<ImageFile> } {
  const inodes = new Set<ImageFile>();
  const owners: SizedPath[] = [];
  for (const file of files.values()) {
    const data = dataEntry(file);
    if (data.type !== 'file' || inodes.has(data)) continue;
    // A hardlink only owns the data when the original name no longer holds it.
    if (file !== data && files.get(data.path) === data) continue;
    inodes.add(data);
    owners.push({ path: file.path, bytes: data.size, layer: data.layer });
  }
  return { owners, inodes };
}

export interface EconomicsInput {
  recorder: EconomicsRecorder;
  files: ReadonlyMap<string, ImageFile>;
  layerCount: number;
  baseLayerCount: number;
}

export function computeEconomics({ recorder, files, layerCount, baseLayerCount }: EconomicsInput): Economics {
  const layerBytes = Array.from({ length: layerCount }, (_, i) => recorder.layerBytes[i] ?? 0);
  const totalBytes = layerBytes.reduce((a, b) => a + b, 0);
  const baseBytes = layerBytes.slice(0, baseLayerCount).reduce((a, b) => a + b, 0);
  const userBytes = totalBytes - baseBytes;
  const { owners, inodes } = liveData(files);
  const finalBytes = owners.reduce((a, o) => a + o.bytes, 0);

  const inefficientPaths: InefficientPath[] = [];
  let reclaimableBytes = 0;
  let diveWastedBytes = 0;
  let smallestSum = 0;
  let copiesSum = 0;
  for (const [path, rec] of recorder.records) {
    let copies = 0;
    let smallest = Infinity;
    // Kept: the copies still visible at the end, normally the last write; a hardlink can keep an older one alive.
    let kept = 0;
    for (const w of rec.writes) {
      const bytes = contentBytes(w);
      copies += bytes;
      smallest = Math.min(smallest, bytes);
      if (inodes.has(w)) kept += bytes;
    }
    // dive counts a deletion as one more copy of zero bytes.
    if (rec.deleted) smallest = 0;
    copiesSum += copies;
    smallestSum += smallest;
    if (rec.writes.length + (rec.deleted ? 1 : 0) < 2 || copies === 0) continue;
    const reclaimable = copies - kept;
    reclaimableBytes += reclaimable;
    diveWastedBytes += copies;
    const entry: InefficientPath = { path, layers: rec.writes.map((w) => w.layer), totalBytes: copies, reclaimableBytes: reclaimable };
    if (rec.removedIn !== undefined && !files.has(path)) entry.removedIn = rec.removedIn;
    inefficientPaths.push(entry);
  }
  inefficientPaths.sort((a, b) => b.reclaimableBytes - a.reclaimableBytes || b.totalBytes - a.totalBytes || (a.path < b.path ? -1 : 1));

  const largestDirs = largestDirectories(directoryTotals(owners));

  return {
    totalBytes,
    finalBytes,
    userBytes,
    baseBytes,
    reclaimableBytes,
    diveWastedBytes,
    efficiency: totalBytes === 0 ? 1 : finalBytes / totalBytes,
    diveEfficiency: copiesSum === 0 ? 1 : smallestSum / copiesSum,
    userWastedPercent: userBytes === 0 ? 0 : reclaimableBytes / userBytes,
    inefficientPaths,
    largestFiles: owners.sort(bySize).slice(0, TOP_N),
    largestDirs,
  };
}
