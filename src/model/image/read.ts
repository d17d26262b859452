/**
 * `readImage`: from an input (tar file, optionally gzip/zstd-compressed as a whole; OCI layout
 * directory; `-` for stdin) to a `RawImage`. Seekable inputs are planned first (manifest, config)
 * and then only the chosen layers are streamed, two at a time so zlib keeps both cores busy.
 * Non-seekable inputs are read in one pass (stream.ts).
 */
import { createReadStream, promises as fsp, statSync } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { InputError } from '../../config/errors.js';
import { capturePolicy } from './capture.js';
import { CaptureBudget } from './capture-budget.js';
import { DirStore, TarFileStore, type SeekableStore } from './container.js';
import { createDecompressor, describeStreamError } from './decompress.js';
import { entrypointPathsFromConfig } from './entrypoint.js';
import { planImage, type ImagePlan, type LayerRef } from './formats.js';
import { readLayer } from './layer-reader.js';
import { resolveLimits, type ReaderLimits } from './limits.js';
import { isZeroBlock, looksLikeTarHeader, sniffCompression } from './sniff.js';
import { StreamedArchive } from './stream.js';
import type { LayerSummary, RawImage } from './types.js';

export interface ReadImageOptions {
  /** `os/arch[/variant]`, e.g. `linux/arm64`; default the first linux/amd64 image. */
  platform?: string;
  /** Which image of an archive that holds several (`docker save app db`): a name, a name:tag or an ID prefix. */
  image?: string;
  /** Compressed bytes read so far and the total (0 when unknown, as for stdin). */
  onProgress?: (done: number, total: number) => void;
  /** Lower or raise the hostile-input limits (see limits.ts). */
  limits?: Partial<ReaderLimits>;
  /** What `-` reads (default process.stdin). */
  stdin?: Readable;
  /** Layers read at once from a seekable input (default 2). */
  concurrency?: number;
  /** How the input is named in errors and `RawImage.source` (default: `input` as given). */
  display?: string;
  /**
   * Check each layer blob against its descriptor digest (and its uncompressed tar stream against the
   * config's diff_id), as `docker load` does; a mismatch is an `InputError`. Costs a SHA-256 pass.
   */
  verifyDigests?: boolean;
}

export async function readImage(input: string, opts: ReadImageOptions = {}): Promise<RawImage> {
  const limits = resolveLimits(opts.limits);
  const display = opts.display ?? input;
  if (input === '-') return readImageStream(opts.stdin ?? process.stdin, display, opts);
  let st;
  try {
    st = statSync(input);
  } catch (e) {
    throw new InputError(`cannot read: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`, display);
  }
  if (st.isDirectory()) return readSeekable(new DirStore(input, display, limits), display, opts, limits);
  if (!st.isFile()) return readImageStream(createReadStream(input, { highWaterMark: 1 << 20 }), display, opts); // a FIFO: `<(docker save app)`
  const head = Buffer.alloc(512);
  let got: number;
  try {
    const fh = await fsp.open(input, 'r');
    try {
      got = (await fh.read(head, 0, 512, 0)).bytesRead;
    } finally {
      await fh.close();
    }
  } catch (e) {
    throw new InputError(`cannot read: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`, display);
  }
  if (got === 0) throw new InputError('is empty: expected an image archive', display);
  if (sniffCompression(head.subarray(0, got)) !== 'none') {
    return readImageStream(createReadStream(input, { highWaterMark: 1 << 20 }), display, opts, st.size);
  }
  if (got < 512 || (!looksLikeTarHeader(head) && !isZeroBlock(head))) throw notAnArchive(display);
  const store = await TarFileStore.open(input, display, limits);
  try {
    return await readSeekable(store, display, opts, limits);
  } finally {
    await store.close();
  }
}

function notAnArchive(display: string): InputError {
  return new InputError('is not an image archive: expected a tar (optionally gzip- or zstd-compressed) or an OCI layout directory', display);
}

async function readSeekable(store: SeekableStore, display: string, opts: ReadImageOptions, limits: ReaderLimits): Promise<RawImage> {
  const plan = await planImage(store, { platform: opts.platform, image: opts.image, display, isDir: store.kind === 'dir' });
  const policy = capturePolicy({ entrypointPaths: entrypointPathsFromConfig(plan.configJson) });
  const budget = new CaptureBudget();
  // One blob may back several layers (the empty layer): read each once.
  const unique = new Map<string, LayerRef>();
  for (const ref of plan.layers) if (!unique.has(ref.resolved)) unique.set(ref.resolved, ref);
  const total = [...unique.keys()].reduce((n, r) => n + store.size(r), 0);
  let done = 0;
  opts.onProgress?.(0, total);
  const summaries = new Map<string, LayerSummary>();
  await forEachLimited([...unique.values()], opts.concurrency ?? 2, async (ref) => {
    const { head, stream } = await store.open(ref.resolved);
    if (opts.onProgress) stream.on('data', (c: Buffer) => opts.onProgress!((done += c.length), total));
    summaries.set(ref.resolved, await readLayer(stream, head, { blob: ref.member, display, limits, budget, policy, hash: opts.verifyDigests }));
  });
  return rawImage(plan, display, plan.layers.map((ref) => withRef(summaries.get(ref.resolved)!, ref, display)));
}

/** Reads an archive from a non-seekable stream in one pass (stdin, pipes, whole-archive gzip/zstd). */
export async function readImageStream(source: Readable, display: string, opts: ReadImageOptions = {}, totalBytes = 0): Promise<RawImage> {
  const limits = resolveLimits(opts.limits);
  const it = source[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
  let done = 0;
  let decoder: import('node:stream').Transform | undefined;
  const counted = (async function* () {
    for (;;) {
      const r = await it.next();
      if (r.done) return;
      const chunk = typeof r.value === 'string' ? Buffer.from(r.value) : r.value;
      done += chunk.length;
      opts.onProgress?.(done, totalBytes);
      yield chunk;
    }
  })();
  try {
    const first = await counted.next();
    if (first.done || !first.value.length) throw new InputError('is empty: expected an image archive', display);
    const head: Buffer = first.value;
    const rest = (async function* () {
      yield head;
      yield* counted;
    })();
    const kind = sniffCompression(head);
    let chunks: AsyncIterable<Buffer> = rest;
    let failure: Promise<void> | undefined;
    if (kind !== 'none') {
      decoder = (await createDecompressor(kind, limits.maxZstdWindow, display))!;
      failure = pipeline(Readable.from(rest, { objectMode: false }), decoder).catch(() => {});
      chunks = ratioGuarded(decoder, () => done, limits, display);
    } else if (head.length >= 512 && !looksLikeTarHeader(head) && !isZeroBlock(head)) {
      throw notAnArchive(display);
    }
    let archive: StreamedArchive;
    try {
      archive = await StreamedArchive.read(chunks, { display, limits, budget: new CaptureBudget(), hash: opts.verifyDigests });
    } catch (e) {
      if (e instanceof InputError) throw e;
      throw new InputError(`${describeStreamError(e, kind)} in the archive`, display);
    }
    // The archive may end before its stream does (drain stops after a trailer's worth): stop the
    // decoder, or the pipeline waits for a reader forever and Node exits 0 with nothing done.
    if (decoder && !decoder.readableEnded) decoder.destroy();
    await failure;
    const plan = await planImage(archive, { platform: opts.platform, image: opts.image, display, isDir: false });
    return rawImage(plan, display, plan.layers.map((ref) => withRef(archive.layer(ref.resolved), ref, display)));
  } finally {
    decoder?.destroy();
    await it.return?.();
  }
}

/**
 * The decompressed chunks of a whole-archive stream, refused past the layers' expansion limit:
 * archives hold compressed layers, so a huge ratio is a bomb. `compressed` reads the bytes so far.
 */
async function* ratioGuarded(chunks: AsyncIterable<Buffer>, compressed: () => number, limits: ReaderLimits, display: string): AsyncGenerator<Buffer> {
  let out = 0;
  for await (const chunk of chunks) {
    out += chunk.length;
    if (out > limits.ratioFloorBytes && out > limits.maxRatio * Math.max(compressed(), 1)) {
      throw new InputError(`the archive expands more than ${limits.maxRatio}x (${compressed()} -> ${out} bytes so far): refusing a likely decompression bomb`, display);
    }
    yield chunk;
  }
}

function withRef(s: LayerSummary, ref: LayerRef, display: string): LayerSummary {
  if (s.hashes) verifyLayer(s.hashes, ref, display);
  const out: LayerSummary = { ...s, blob: ref.member };
  delete out.hashes;
  delete out.digest;
  delete out.diffId;
  if (ref.digest) out.digest = ref.digest;
  if (ref.diffId) out.diffId = ref.diffId;
  return out;
}

/**
 * The blob must hash to its descriptor digest (OCI manifests; `blobs/sha256/<hex>` members name
 * theirs) and its tar stream to the config's diff_id. Digests of other algorithms are not checked.
 */
function verifyLayer(hashes: { stored: string; tar: string }, ref: LayerRef, display: string): void {
  const fail = (what: string, actual: string, expected: string) => {
    throw new InputError(`layer ${ref.member}: ${what} is ${actual} but the image says ${expected}: the archive is corrupt or was modified`, display);
  };
  if (ref.digest?.startsWith('sha256:') && ref.digest !== hashes.stored) fail('the blob\'s sha256', hashes.stored, ref.digest);
  if (ref.diffId?.startsWith('sha256:') && ref.diffId !== hashes.tar) fail('the uncompressed layer\'s sha256', hashes.tar, `diff_id ${ref.diffId}`);
}

function rawImage(plan: ImagePlan, display: string, layers: LayerSummary[]): RawImage {
  return {
    name: plan.repoTags[0] ? `${display} (${plan.repoTags[0]})` : display,
    source: display,
    format: plan.format,
    repoTags: plan.repoTags,
    platform: plan.platform,
    platforms: plan.platforms,
    ...(plan.configDigest ? { configDigest: plan.configDigest } : {}),
    configJson: plan.configJson,
    layers,
  };
}

/** Runs `fn` over `items` with at most `limit` in flight; after a failure starts no more, then rethrows it. */
async function forEachLimited<T>(items: T[], limit: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  let error: unknown;
  const worker = async () => {
    while (error === undefined && next < items.length) {
      const item = items[next++];
      try {
        await fn(item);
      } catch (e) {
        error ??= e;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  if (error !== undefined) throw error;
}
