/**
 * Stacks layer summaries into the merged filesystem, the way Docker and containerd apply layers.
 * Per layer: opaque directories first (hide every lower child, at any depth), then the layer's
 * entries and whiteouts in tar order (a whiteout deletes a path and its subtree, whoever wrote
 * it). Deletions walk a parent -> children index, so removing a subtree costs its size, not the
 * image's.
 */
import type { ImageFile, LayerEntry, LayerSummary } from './types.js';

/** Hooks for the economics pass: it needs every write and every removal, in layer order. */
export interface OverlayObserver {
  /** A non-directory entry written by a layer (only the last duplicate of a path in a layer). */
  write?(file: ImageFile): void;
  /** A non-directory path removed by a whiteout, an opaque directory, or a directory replacing it. */
  remove?(file: ImageFile, layer: number): void;
}

export interface MergedFilesystem {
  files: Map<string, ImageFile>;
  contents: Map<string, Buffer>;
}

function parentOf(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash <= 0 ? '/' : path.slice(0, slash);
}

class Overlay {
  readonly files = new Map<string, ImageFile>();
  readonly contents = new Map<string, Buffer>();
  /** Parent -> child paths, including directories that only exist implicitly (no entry of their own). */
  private readonly children = new Map<string, Set<string>>();

  constructor(private readonly observer: OverlayObserver) {}

  /** Register `path` and its implied ancestors in the child index. */
  private link(path: string): void {
    let p = path;
    while (p !== '/') {
      const parent = parentOf(p);
      let set = this.children.get(parent);
      if (!set) this.children.set(parent, (set = new Set()));
      if (set.has(p)) return;
      set.add(p);
      p = parent;
    }
  }

  /** Drop one path's own entry and content (not its children). */
  private drop(path: string, layer: number): void {
    const file = this.files.get(path);
    if (file) {
      this.files.delete(path);
      if (file.type !== 'dir') this.observer.remove?.(file, layer);
    }
    this.contents.delete(path);
  }

  /** Remove everything below `path` (the path itself stays). Iterative: depth is attacker-controlled. */
  removeDescendants(path: string, layer: number): void {
    const stack = [path];
    while (stack.length > 0) {
      const dir = stack.pop()!;
      const kids = this.children.get(dir);
      if (!kids) continue;
      this.children.delete(dir);
      for (const child of kids) {
        this.drop(child, layer);
        stack.push(child);
      }
    }
  }

  /** Remove `path` and its subtree. */
  remove(path: string, layer: number): void {
    if (path === '/') return this.removeDescendants('/', layer);
    this.removeDescendants(path, layer);
    this.drop(path, layer);
    this.children.get(parentOf(path))?.delete(path);
  }

  add(entry: LayerEntry, layer: number, captured: Buffer | undefined): void {
    const path = entry.path;
    const existing = this.files.get(path);
    // Explicit fields, not a spread: this runs once per entry of every layer.
    const file: ImageFile = { path, type: entry.type, size: entry.size, mode: entry.mode, uid: entry.uid, gid: entry.gid, mtime: entry.mtime, layer };
    if (entry.linkname !== undefined) file.linkname = entry.linkname;
    if (entry.capabilities !== undefined) file.capabilities = entry.capabilities;
    if (entry.type !== 'dir') {
      // Anything but a directory replaces the whole subtree (a file over a dir drops its children).
      this.removeDescendants(path, layer);
    } else if (existing && existing.type !== 'dir') {
      this.observer.remove?.(existing, layer);
    }
    if (entry.type === 'hardlink' && entry.linkname !== undefined) {
      const target = this.files.get(entry.linkname);
      const inode = target?.type === 'hardlink' ? target.linkTarget : target;
      if (inode && inode.type !== 'dir') file.linkTarget = inode;
      if (captured === undefined && inode) captured = this.contents.get(entry.linkname);
    }
    this.files.set(path, file);
    if (captured !== undefined) this.contents.set(path, captured);
    else this.contents.delete(path);
    if (!existing) this.link(path);
    if (entry.type !== 'dir') this.observer.write?.(file);
  }

  apply(summary: LayerSummary, layer: number): void {
    // An opaque marker keeps everything its own layer writes, before or after it: it goes first.
    for (const dir of summary.opaqueDirs) this.removeDescendants(dir, layer);
    // Whiteouts go in tar order among the entries: one after a path deletes it, even a path this
    // layer wrote. Duplicates in one layer: the last one wins, so skip every earlier occurrence.
    const { whiteouts, whiteoutOrder } = summary;
    let next = 0;
    const removeUpTo = (entryIndex: number) => {
      while (next < whiteouts.length && (whiteoutOrder?.[next] ?? 0) <= entryIndex) this.remove(whiteouts[next++], layer);
    };
    const last = new Map<string, number>();
    summary.entries.forEach((e, i) => last.set(e.path, i));
    summary.entries.forEach((entry, i) => {
      removeUpTo(i);
      if (entry.path === '/' || last.get(entry.path) !== i) return;
      this.add(entry, layer, summary.contents.get(entry.path));
    });
    removeUpTo(Infinity);
  }
}

/** Stack layers (base first) into the merged filesystem and the final captured contents. */
export function stackLayers(layers: readonly LayerSummary[], observer: OverlayObserver = {}): MergedFilesystem {
  const overlay = new Overlay(observer);
  layers.forEach((summary, i) => overlay.apply(summary, i));
  return { files: overlay.files, contents: overlay.contents };
}

/** The entry that holds a path's data: a hardlink's target, otherwise the entry itself. */
export function dataEntry(file: ImageFile): ImageFile {
  return file.type === 'hardlink' && file.linkTarget ? file.linkTarget : file;
}
