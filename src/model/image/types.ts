/**
 * The built-image model. Reading happens in two steps that meet at `LayerSummary`:
 * the reader (formats, decompression, tar) turns each layer blob into a summary, and
 * `buildImageModel` stacks the summaries into the merged filesystem plus economics.
 * Rules only see `ImageModel`.
 */

export type Compression = 'gzip' | 'zstd' | 'none';
export type EntryType = 'file' | 'dir' | 'symlink' | 'hardlink' | 'char' | 'block' | 'fifo';

/** How the image was stored. */
export type ImageFormat =
  | 'docker-archive' // legacy `docker save` (<id>/layer.tar + manifest.json)
  | 'docker-hybrid' // Docker 25+ `docker save`: OCI layout plus manifest.json, classic store
  | 'docker-containerd' // Docker with the containerd store: nested index, compressed layers, manifest.json
  | 'oci-archive' // OCI image layout in a tar
  | 'oci-dir'; // OCI image layout as a directory

/** One tar entry of a layer, normalised: absolute path, no trailing slash, never above `/`. */
export interface LayerEntry {
  /** `/etc/passwd`; the root directory itself is `/`. */
  path: string;
  type: EntryType;
  /** Content bytes (tar header size; 0 for non-regular files and hardlinks). */
  size: number;
  /** Permission and special bits (0o7777 range: setuid 0o4000, setgid 0o2000, sticky 0o1000). */
  mode: number;
  uid: number;
  gid: number;
  /** Seconds since the epoch, from the header. */
  mtime: number;
  /** Symlink target as written, or a hardlink's target as a normalised absolute path. */
  linkname?: string;
  /** Decoded `security.capability` xattr, e.g. `cap_net_bind_service=ep`. */
  capabilities?: string;
}

/** What one layer blob holds, produced by the reader. */
export interface LayerSummary {
  /** Where the blob lives in its container (archive member or `blobs/sha256/<hex>`). */
  blob: string;
  /** Descriptor digest when the format gives one. */
  digest?: string;
  /** The config's `rootfs.diff_ids` entry for this layer. */
  diffId?: string;
  compression: Compression;
  /** Bytes of the blob as stored. */
  compressedSize: number;
  /** Bytes of the uncompressed tar stream. */
  tarSize: number;
  /** Entries in tar order (last duplicate wins when stacking), without whiteout markers. */
  entries: LayerEntry[];
  /** Paths a `.wh.<name>` marker deletes (with their subtrees). */
  whiteouts: string[];
  /**
   * For each whiteout, how many of `entries` the tar lists before its marker. Docker and containerd
   * apply a layer entry by entry, so a marker also deletes what the same layer wrote before it, and
   * an entry after it comes back. Absent: every whiteout comes first.
   */
  whiteoutOrder?: number[];
  /** Directories whose lower-layer children a `.wh..wh..opq` marker hides. */
  opaqueDirs: string[];
  /** Contents of the files the capture policy selected, by path (the layer's last version). */
  contents: Map<string, Buffer>;
  /**
   * With `verifyDigests`: `sha256:` digests of the blob as stored and of its uncompressed tar
   * stream, checked against the descriptor and the config's diff_id once the plan is known.
   */
  hashes?: { stored: string; tar: string };
}

export interface Platform {
  os: string;
  architecture: string;
  variant?: string;
}

export interface HealthcheckConfig {
  /** `["NONE"]` disables; `["CMD", ...]` or `["CMD-SHELL", "..."]`. */
  test: string[];
  /** Durations in nanoseconds, as the config stores them. */
  interval?: number;
  timeout?: number;
  startPeriod?: number;
  retries?: number;
}

/** The runtime part of the image config (`config` in the JSON), normalised. */
export interface ImageConfig {
  user: string;
  env: string[];
  entrypoint: string[] | null;
  cmd: string[] | null;
  healthcheck: HealthcheckConfig | null;
  exposedPorts: string[];
  volumes: string[];
  workingDir: string;
  labels: Record<string, string>;
  stopSignal?: string;
  shell?: string[];
  onBuild: string[];
}

export interface HistoryEntry {
  createdBy: string;
  created?: string;
  comment?: string;
  emptyLayer: boolean;
}

export interface ImageLayer {
  /** 0-based position, base first. */
  index: number;
  /** Display id: the diff_id (or digest) shortened, e.g. `sha256:5f70bf18a086`. */
  id: string;
  blob: string;
  digest?: string;
  diffId?: string;
  compression: Compression;
  compressedSize: number;
  /** Sum of the content bytes the layer adds (regular files; hardlinks count 0). */
  size: number;
  /** Number of entries (without whiteout markers). */
  entryCount: number;
  /** The history entry that made this layer (non-empty entries paired in order). */
  history?: HistoryEntry;
  /** Part of the base image (below the boundary found from history). */
  base: boolean;
}

/** A path in the merged filesystem. */
export interface ImageFile extends LayerEntry {
  /** Index of the layer that last wrote it. */
  layer: number;
  /**
   * For a hardlink: the regular file it shares data with, as it was when the link was made (it
   * keeps its bytes even if the original name is later deleted). Use it for size and mode lookups.
   */
  linkTarget?: ImageFile;
}

export interface RemovedContent {
  path: string;
  /** The layer that holds these bytes. */
  layer: number;
  content: Buffer;
}

/** One path written by two or more layers, or written and later deleted. */
export interface InefficientPath {
  path: string;
  /** Layers that wrote it (indices), in order. */
  layers: number[];
  /** Bytes of every copy. */
  totalBytes: number;
  /** Bytes that could go: every copy but the one kept (all of them when the path ends deleted). */
  reclaimableBytes: number;
  /** The layer that deletes the path, when the final filesystem no longer has it. */
  removedIn?: number;
}

export interface SizedPath {
  path: string;
  bytes: number;
  layer?: number;
}

export interface Economics {
  /** Sum of all layers' content bytes. */
  totalBytes: number;
  /** Content bytes of the final filesystem. */
  finalBytes: number;
  /** Bytes in layers above the base-image boundary. */
  userBytes: number;
  baseBytes: number;
  /** Ours: bytes that a rebuild could drop (each inefficient path minus one kept copy). */
  reclaimableBytes: number;
  /** dive's `wastedBytes`: every copy of every inefficient path. */
  diveWastedBytes: number;
  /** Ours: finalBytes / totalBytes (1 when nothing is wasted). */
  efficiency: number;
  /** dive's: sum of smallest copy / sum of all copies, over every path. */
  diveEfficiency: number;
  /** reclaimableBytes / userBytes (0 when there are no user bytes). */
  userWastedPercent: number;
  inefficientPaths: InefficientPath[];
  largestFiles: SizedPath[];
  largestDirs: SizedPath[];
}

export interface ImageModel {
  /** Display name: the input path (or `-`), with the repo tag when there is one. */
  name: string;
  source: string;
  format: ImageFormat;
  repoTags: string[];
  platform: Platform;
  /** Every platform the index lists (the chosen one included). */
  platforms: Platform[];
  /** Config blob digest when known. */
  configDigest?: string;
  created?: string;
  config: ImageConfig;
  history: HistoryEntry[];
  layers: ImageLayer[];
  /** Number of layers that belong to the base image (0 when none is detected). */
  baseLayerCount: number;
  /** Merged filesystem: path -> final entry. Directories included; `/` is not. */
  files: Map<string, ImageFile>;
  /** Final contents of captured files (path -> bytes), after whiteouts. */
  contents: Map<string, Buffer>;
  /**
   * Captured contents that the final filesystem no longer shows (deleted or overwritten by a later
   * layer) but that still ship inside their layer: a secret removed later is still in the image.
   */
  removedContents: RemovedContent[];
  economics: Economics;
}

/** What the reader hands to `buildImageModel`: the chosen manifest's parts, config still raw JSON. */
export interface RawImage {
  name: string;
  source: string;
  format: ImageFormat;
  repoTags: string[];
  platform: Platform;
  platforms: Platform[];
  configDigest?: string;
  /** The config blob, parsed JSON (Docker or OCI image config). */
  configJson: unknown;
  /** Layers base first, in manifest order (the same blob may back several layers). */
  layers: LayerSummary[];
}
