/**
 * Images described in code. A spec turns into layer summaries directly (for rule and model tests)
 * or, through test/helpers/image-builder.ts, into real archives in every format (for reader tests);
 * reading those archives must give the same summaries.
 */
import type { Compression, EntryType, ImageModel, LayerEntry, LayerSummary, Platform, RawImage } from '../../src/model/image/types.js';
import { capturePolicy } from '../../src/model/image/capture.js';
import { decodeVfsCapability } from '../../src/model/image/capabilities.js';
import { buildImageModel } from '../../src/model/image/model.js';

export interface SpecFile {
  /** Path as it should appear in the tar (leading `/` optional). */
  path: string;
  /** Default `file` (or `dir` when the path ends with `/`). `whiteout` writes `.wh.<name>`; `opaque` writes `<path>/.wh..wh..opq`. */
  type?: EntryType | 'whiteout' | 'opaque';
  content?: string | Buffer;
  /** Without `content`: a file of this many zero bytes (big files without big literals). */
  size?: number;
  /** Default 0o644 for files, 0o755 for dirs, 0o777 for symlinks. */
  mode?: number;
  uid?: number;
  gid?: number;
  mtime?: number;
  /** Symlink target, or hardlink target path. */
  linkname?: string;
  /** `security.capability` xattr bytes (see vfsCapability in the builder). */
  capability?: Buffer;
}

export interface SpecLayer {
  createdBy?: string;
  files: SpecFile[];
  /** How the builder stores this layer (default gzip for OCI formats, none for docker-archive). */
  compression?: Compression;
}

export interface ImageSpec {
  /** Docker-style runtime config (`User`, `Env`, `Cmd`, `Entrypoint`, `Healthcheck`, ...). */
  config?: Record<string, unknown>;
  /** Raw history entries; default: one `created_by` per layer from `SpecLayer.createdBy`. */
  history?: Array<{ created_by?: string; empty_layer?: boolean; comment?: string; created?: string }>;
  layers: SpecLayer[];
  repoTags?: string[];
  platform?: Platform;
}

/** Path normalisation as the reader does it (absolute, no trailing slash, `..` clamped at `/`). */
export function normalizeSpecPath(p: string): string {
  const parts: string[] = [];
  for (const seg of p.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') parts.pop();
    else parts.push(seg);
  }
  return '/' + parts.join('/');
}

export function specContent(f: SpecFile): Buffer {
  if (f.content === undefined) return Buffer.alloc(f.size ?? 0);
  return typeof f.content === 'string' ? Buffer.from(f.content) : f.content;
}

export function specHistory(spec: ImageSpec): Array<{ created_by?: string; empty_layer?: boolean; comment?: string; created?: string }> {
  return spec.history ?? spec.layers.map((l, i) => ({ created_by: l.createdBy ?? `/bin/sh -c #(nop) COPY layer${i} /`, created: '2026-01-01T00:00:00Z' }));
}

/** The image config JSON a builder writes for a spec (diff_ids filled by the builder). */
export function specConfigJson(spec: ImageSpec, diffIds: string[]): Record<string, unknown> {
  const platform = spec.platform ?? { os: 'linux', architecture: 'amd64' };
  return {
    architecture: platform.architecture,
    os: platform.os,
    ...(platform.variant ? { variant: platform.variant } : {}),
    created: '2026-01-01T00:00:00Z',
    config: spec.config ?? {},
    rootfs: { type: 'layers', diff_ids: diffIds },
    history: specHistory(spec),
  };
}

/** Layer summaries a reader must produce for the spec (compression and sizes of the stored blob aside). */
export function layerSummariesFromSpec(spec: ImageSpec, entrypointPaths: string[] = []): LayerSummary[] {
  const policy = capturePolicy({ entrypointPaths });
  return spec.layers.map((layer, i) => {
    const entries: LayerEntry[] = [];
    const whiteouts: string[] = [];
    const whiteoutOrder: number[] = [];
    const opaqueDirs: string[] = [];
    const contents = new Map<string, Buffer>();
    for (const f of layer.files) {
      const path = normalizeSpecPath(f.path);
      const type = f.type ?? (f.path.endsWith('/') ? 'dir' : 'file');
      if (type === 'whiteout') { whiteouts.push(path); whiteoutOrder.push(entries.length); continue; }
      if (type === 'opaque') { opaqueDirs.push(path); continue; }
      const content = specContent(f);
      const size = type === 'file' ? content.length : 0;
      const mode = f.mode ?? (type === 'dir' ? 0o755 : type === 'symlink' ? 0o777 : 0o644);
      const entry: LayerEntry = { path, type, size, mode, uid: f.uid ?? 0, gid: f.gid ?? 0, mtime: f.mtime ?? 1767225600 };
      if (f.linkname !== undefined) entry.linkname = type === 'hardlink' ? normalizeSpecPath(f.linkname) : f.linkname;
      const capabilities = f.capability ? decodeVfsCapability(f.capability) : undefined;
      if (capabilities !== undefined) entry.capabilities = capabilities;
      entries.push(entry);
      if (type === 'file') {
        const reason = policy.reason(path, size, mode);
        if (reason && size <= policy.maxBytes(reason)) contents.set(path, content);
      }
    }
    return { blob: `layer${i}`, compression: layer.compression ?? 'none', compressedSize: 0, tarSize: 0, entries, whiteouts, whiteoutOrder, opaqueDirs, contents };
  });
}

/** Fake diff_ids for a spec's layers (stable, distinct, sha256-shaped). */
export function specDiffIds(spec: ImageSpec): string[] {
  return spec.layers.map((_, i) => `sha256:${String(i).padStart(2, '0').repeat(32)}`);
}

/** Absolute program paths the spec's Entrypoint/Cmd name: what a reader that sees the config first captures. */
export function specEntrypointPaths(spec: ImageSpec): string[] {
  const first = (v: unknown): unknown => (Array.isArray(v) ? v[0] : undefined);
  return [first(spec.config?.Entrypoint), first(spec.config?.Cmd)].filter((p): p is string => typeof p === 'string' && p.startsWith('/'));
}

/**
 * The merged model for a spec, without writing any archive: layer summaries straight from the
 * spec, the config JSON a builder would write, format `oci-dir`, name `test-image`.
 */
export function modelFromSpec(spec: ImageSpec, overrides: Partial<RawImage> & { entrypointPaths?: string[] } = {}): ImageModel {
  const { entrypointPaths = specEntrypointPaths(spec), ...rawOverrides } = overrides;
  const diffIds = specDiffIds(spec);
  const layers = layerSummariesFromSpec(spec, entrypointPaths).map((l, i) => ({ ...l, diffId: diffIds[i] }));
  const platform = spec.platform ?? { os: 'linux', architecture: 'amd64' };
  const raw: RawImage = {
    name: 'test-image',
    source: 'test-image',
    format: 'oci-dir',
    repoTags: spec.repoTags ?? [],
    platform,
    platforms: [platform],
    configJson: specConfigJson(spec, diffIds),
    layers,
    ...rawOverrides,
  };
  return buildImageModel(raw);
}
