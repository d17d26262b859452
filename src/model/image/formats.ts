/**
 * Works out what an image container holds and which manifest to read: legacy `docker save`
 * (manifest.json only), Docker 25+ hybrid (OCI layout + manifest.json), the containerd-store
 * variant (nested index), and plain OCI layouts. Multi-platform indexes are walked, attestation
 * and other artifact manifests skipped, and one platform chosen.
 */
import { InputError } from '../../config/errors.js';
import { normalizeMember, type BlobStore } from './container.js';
import type { ImageFormat, Platform } from './types.js';
import { append } from '../../append.js';
import { table } from '../../table.js';

export interface LayerRef {
  /** Member name as the manifest gives it (`<id>/layer.tar`, `blobs/sha256/<hex>`). */
  member: string;
  /** Member name after archive symlinks. */
  resolved: string;
  digest?: string;
  diffId?: string;
  /** Descriptor size when the manifest gives one. */
  size?: number;
}

export interface ImagePlan {
  format: ImageFormat;
  repoTags: string[];
  platform: Platform;
  platforms: Platform[];
  configDigest?: string;
  configJson: unknown;
  layers: LayerRef[];
}

export interface PlanOptions {
  platform?: string;
  /** Which image of an archive that holds several (`docker save app db`): a name, a name:tag or an ID prefix. */
  image?: string;
  display: string;
  /** The container is a directory (an OCI layout is then `oci-dir`). */
  isDir: boolean;
}

const INDEX_TYPES = new Set(['application/vnd.oci.image.index.v1+json', 'application/vnd.docker.distribution.manifest.list.v2+json']);
const MANIFEST_TYPES = new Set(['application/vnd.oci.image.manifest.v1+json', 'application/vnd.docker.distribution.manifest.v2+json']);
/** Configs that mark a manifest as an artifact (attestations, signatures...), not a runnable image. */
const ARTIFACT_CONFIGS = new Set(['application/vnd.oci.empty.v1+json', 'application/vnd.in-toto+json', 'application/vnd.dev.cosign.simplesigning.v1+json']);
const MAX_INDEX_DEPTH = 4;

type Json = Record<string, unknown>;

function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function bad(display: string, msg: string): never {
  throw new InputError(msg, display);
}

/** `sha256:<hex>` -> `blobs/sha256/<hex>`; anything else is rejected before it can name a path. */
export function blobPath(digest: unknown, display: string, where: string): string {
  if (typeof digest !== 'string' || !/^[a-z0-9]+(?:[+._-][a-z0-9]+)*:[a-zA-Z0-9=_-]+$/.test(digest)) {
    bad(display, `${where}: invalid digest ${JSON.stringify(digest)?.slice(0, 80)}`);
  }
  const colon = digest.indexOf(':');
  return `blobs/${digest.slice(0, colon)}/${digest.slice(colon + 1)}`;
}

export function shortDigest(d: string): string {
  return d.length > 19 ? d.slice(0, 19) : d;
}

export function platformString(p: Platform): string {
  return `${p.os}/${p.architecture}${p.variant ? `/${p.variant}` : ''}`;
}

const ARCH_ALIASES = table<string>({ x86_64: 'amd64', 'x86-64': 'amd64', aarch64: 'arm64', armhf: 'arm', armel: 'arm', i386: '386' });

export function parsePlatform(s: string, display: string): Platform {
  const parts = s.trim().toLowerCase().split('/');
  if (parts.length < 2 || parts.length > 3 || parts.some((p) => !p)) bad(display, `invalid platform ${JSON.stringify(s)}: expected os/arch or os/arch/variant, like linux/arm64`);
  return { os: parts[0], architecture: ARCH_ALIASES[parts[1]] ?? parts[1], ...(parts[2] ? { variant: parts[2] } : {}) };
}

function platformMatches(want: Platform, have: Platform): boolean {
  if (want.os !== have.os || want.architecture !== (ARCH_ALIASES[have.architecture] ?? have.architecture)) return false;
  if (!want.variant) return true;
  const hv = have.variant ?? (have.architecture === 'arm64' ? 'v8' : undefined);
  return want.variant === hv;
}

function platformOf(v: unknown): Platform | undefined {
  if (!isObject(v) || typeof v.os !== 'string' || typeof v.architecture !== 'string') return undefined;
  return { os: v.os, architecture: v.architecture, ...(typeof v.variant === 'string' && v.variant ? { variant: v.variant } : {}) };
}

function samePlatform(a: Platform, b: Platform): boolean {
  return a.os === b.os && a.architecture === b.architecture && (a.variant ?? '') === (b.variant ?? '');
}

function diffIdsOf(config: unknown): string[] {
  const rootfs = isObject(config) ? config.rootfs : undefined;
  const ids = isObject(rootfs) ? rootfs.diff_ids : undefined;
  return Array.isArray(ids) ? ids.map((d) => (typeof d === 'string' ? d : '')) : [];
}

/** An image of the archive: `key` tells images apart, `label` names one in messages. */
interface ImageIdentity {
  key: string;
  label: string;
  /** Every name it is saved under (repo tags, index annotations), for --image. */
  names: string[];
}

/** A runnable image candidate found in an index (or in manifest.json). */
interface Candidate {
  /** Which image of the archive it belongs to: platform variants of one image share it. */
  image: ImageIdentity;
  platform?: Platform;
  /** Its config digest: the image ID `docker images` shows for a classic-store image. */
  configDigest?: string;
  /** Why it cannot be read (absent manifest blob), if so. */
  missing?: string;
  load: () => Promise<ImagePlan>;
}

export async function planImage(store: BlobStore, opts: PlanOptions): Promise<ImagePlan> {
  const { display } = opts;
  const hasIndex = store.resolve('index.json') !== undefined;
  const hasManifest = store.resolve('manifest.json') !== undefined;
  if (!hasIndex && !hasManifest) {
    bad(display, 'no manifest.json or index.json found: not a docker save archive or an OCI image layout');
  }
  let candidates: Candidate[] = [];
  let format: ImageFormat;
  let legacy: Json[] | undefined;
  if (hasManifest) legacy = await readLegacyManifest(store, display);
  if (hasIndex) {
    const index = await store.readJson('index.json', 'index.json');
    const nested = isObject(index) && Array.isArray(index.manifests) && index.manifests.some((d) => isObject(d) && INDEX_TYPES.has(d.mediaType as string));
    format = hasManifest ? (nested ? 'docker-containerd' : 'docker-hybrid') : opts.isDir ? 'oci-dir' : 'oci-archive';
    const tags = (configDigest: string | undefined, annotations: string[]) => repoTagsFor(legacy, configDigest, annotations);
    candidates = await walkIndex(store, index, 'index.json', 0, [], format, tags, display);
    // Docker has written `manifests: null` (moby#47210): fall back on manifest.json then.
    if (!candidates.length && legacy) candidates = await legacyCandidates(store, legacy, format, display);
  } else {
    format = 'docker-archive';
    candidates = await legacyCandidates(store, legacy!, format, display);
  }
  if (!candidates.length) bad(display, 'the image index lists no image manifests');
  if (opts.image !== undefined) candidates = pickImage(candidates, opts.image, display);
  refuseSeveralImages(candidates, display);
  const platforms: Platform[] = [];
  for (const c of candidates) if (c.platform && !platforms.some((p) => samePlatform(p, c.platform!))) platforms.push(c.platform);
  const chosen = choose(candidates, platforms, opts.platform, display);
  const plan = await chosen.load();
  plan.platforms = platforms.length ? platforms : [plan.platform];
  return plan;
}

/**
 * `docker save app db` stores two images; the rules read one model, so checking only the first
 * would pass the second unseen. Such an archive is refused, naming its images, unless --image
 * chose one.
 */
function refuseSeveralImages(candidates: Candidate[], display: string): void {
  const images = imagesOf(candidates);
  if (images.size < 2) return;
  bad(display, `holds ${images.size} images (${[...images.values()].join(', ')}): shipready checks one image at a time; choose one with --image NAME`);
}

function imagesOf(candidates: Candidate[]): Map<string, string> {
  const images = new Map<string, string>();
  for (const c of candidates) if (!c.missing && !images.has(c.image.key)) images.set(c.image.key, c.image.label);
  return images;
}

/**
 * The candidates of the image `want` names: one of its names (`app:1`, `docker.io/library/app:1`,
 * `app` for `app:latest`, as docker reads a name without a tag) or a prefix of its ID, `sha256:`
 * optional. The ID `docker images` shows is the config digest with the classic store (in the old and
 * the Docker 25+ layouts alike) and the index or manifest digest with the containerd store: any matches.
 */
function pickImage(candidates: Candidate[], want: string, display: string): Candidate[] {
  const bare = want.replace(/^sha256:/, '');
  const wanted = new Set([want, `${want}:latest`, `docker.io/library/${want}`, `docker.io/library/${want}:latest`, `docker.io/${want}`, `docker.io/${want}:latest`]);
  const hex = (id: string | undefined) => (id ?? '').replace(/^blobs\/sha256\//, '').replace(/^sha256:/, '');
  const byId = bare.length >= 4 && /^[0-9a-f]+$/.test(bare);
  const picked = candidates.filter((c) => c.image.names.some((n) => wanted.has(n)) || (byId && (hex(c.image.key).startsWith(bare) || hex(c.configDigest).startsWith(bare))));
  if (!picked.length) bad(display, `holds no image named ${want}; it holds ${[...imagesOf(candidates).values()].join(', ') || 'none'}`);
  return picked;
}

function choose(candidates: Candidate[], platforms: Platform[], requested: string | undefined, display: string): Candidate {
  const list = platforms.map(platformString).join(', ') || 'none';
  if (requested) {
    const want = parsePlatform(requested, display);
    const matching = candidates.filter((c) => c.platform && platformMatches(want, c.platform));
    if (!matching.length) bad(display, `platform ${platformString(want)} is not in this image; available: ${list}`);
    const present = matching.find((c) => !c.missing);
    if (!present) bad(display, `platform ${platformString(want)} is listed but not stored in this archive (${matching[0].missing})`);
    return present;
  }
  const present = candidates.filter((c) => !c.missing);
  if (!present.length) bad(display, `no image manifest of this index is stored in the archive (${candidates[0].missing})`);
  return present.find((c) => c.platform?.os === 'linux' && c.platform.architecture === 'amd64') ?? present[0];
}

async function readLegacyManifest(store: BlobStore, display: string): Promise<Json[]> {
  const m = await store.readJson('manifest.json', 'manifest.json');
  if (!Array.isArray(m) || !m.every(isObject)) bad(display, 'manifest.json must be an array of image entries');
  return m as Json[];
}

function repoTagsFor(legacy: Json[] | undefined, configDigest: string | undefined, annotations: string[]): string[] {
  if (legacy && configDigest) {
    const path = blobPathQuiet(configDigest);
    const entry = legacy.find((e) => typeof e.Config === 'string' && normalizeMember(e.Config) === path) ?? (legacy.length === 1 ? legacy[0] : undefined);
    const tags = entry ? stringArray(entry.RepoTags) : [];
    if (tags.length) return tags;
  }
  return annotations;
}

function blobPathQuiet(digest: string): string {
  const colon = digest.indexOf(':');
  return `blobs/${digest.slice(0, colon)}/${digest.slice(colon + 1)}`;
}

function stringArray(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((s): s is string => typeof s === 'string') : [];
}

/** Candidates from a legacy manifest.json: one per entry, platform read from each config. */
async function legacyCandidates(store: BlobStore, entries: Json[], format: ImageFormat, display: string): Promise<Candidate[]> {
  if (!entries.length) bad(display, 'manifest.json lists no images');
  const out: Candidate[] = [];
  for (const [i, e] of entries.entries()) {
    const where = `manifest.json entry ${i}`;
    if (typeof e.Config !== 'string' || !Array.isArray(e.Layers) || !e.Layers.every((l) => typeof l === 'string')) {
      bad(display, `${where} needs a Config string and a Layers array of strings`);
    }
    const configName = e.Config;
    if (store.resolve(configName) === undefined) bad(display, `${where} references missing config ${configName}`);
    const configJson = await store.readJson(configName, `config ${configName}`);
    const platform = platformOf(configJson);
    const layers = e.Layers as string[];
    const tags = stringArray(e.RepoTags);
    out.push({
      image: { key: normalizeMember(configName), label: tags[0] ?? configName, names: tags },
      platform,
      load: async () => {
        const diffIds = diffIdsOf(configJson);
        const refs = layers.map((member, li): LayerRef => {
          const resolved = store.resolve(member);
          if (resolved === undefined) bad(display, `${where} references missing layer ${member} (layer ${li + 1} of ${layers.length})`);
          const digest = digestFromBlobPath(member);
          return { member: normalizeMember(member), resolved, ...(digest ? { digest } : {}), ...(diffIds[li] ? { diffId: diffIds[li] } : {}) };
        });
        const configDigest = digestFromBlobPath(configName) ?? digestFromLegacyConfig(configName);
        return {
          format, repoTags: stringArray(e.RepoTags), platform: platform ?? { os: 'linux', architecture: 'amd64' }, platforms: [],
          ...(configDigest ? { configDigest } : {}), configJson, layers: refs,
        };
      },
    });
  }
  return out;
}

function digestFromBlobPath(p: string): string | undefined {
  const m = /^(?:\.\/)?blobs\/([a-z0-9]+)\/([a-f0-9]{32,})$/.exec(p);
  return m ? `${m[1]}:${m[2]}` : undefined;
}

function digestFromLegacyConfig(p: string): string | undefined {
  const m = /^([a-f0-9]{64})\.json$/.exec(p);
  return m ? `sha256:${m[1]}` : undefined;
}

/** Depth-first walk of an image index; unknown media types are ignored as the spec requires. */
async function walkIndex(store: BlobStore, index: unknown, where: string, depth: number, annotationsAbove: string[], format: ImageFormat,
  tags: (configDigest: string | undefined, annotations: string[]) => string[], display: string, imageAbove?: ImageIdentity): Promise<Candidate[]> {
  if (!isObject(index)) bad(display, `${where} is not a JSON object`);
  if (index.manifests === null || index.manifests === undefined) return [];
  if (!Array.isArray(index.manifests)) bad(display, `${where}: "manifests" must be an array`);
  const out: Candidate[] = [];
  for (const [i, d] of index.manifests.entries()) {
    const at = `${where} manifests[${i}]`;
    if (!isObject(d)) bad(display, `${at} is not a descriptor object`);
    const annotations = isObject(d.annotations) ? d.annotations : {};
    if (annotations['vnd.docker.reference.type'] === 'attestation-manifest' || typeof d.artifactType === 'string') continue;
    const name = typeof annotations['io.containerd.image.name'] === 'string' ? [annotations['io.containerd.image.name'] as string]
      : typeof annotations['org.opencontainers.image.ref.name'] === 'string' && /[:/]/.test(annotations['org.opencontainers.image.ref.name'] as string)
        ? [annotations['org.opencontainers.image.ref.name'] as string] : annotationsAbove;
    const path = blobPath(d.digest, display, at);
    const digest = d.digest as string;
    const image = imageAbove ?? topLevelImage(digest, name);
    const resolved = store.resolve(path);
    let mediaType = typeof d.mediaType === 'string' ? d.mediaType : undefined;
    let blob: unknown;
    if (!mediaType && resolved !== undefined) {
      // No media type on the descriptor: the blob's own says what it is.
      blob = await store.readJson(path, `blob ${digest}`);
      mediaType = isObject(blob) && typeof blob.mediaType === 'string' ? blob.mediaType
        : isObject(blob) && Array.isArray(blob.manifests) ? [...INDEX_TYPES][0] : [...MANIFEST_TYPES][0];
    }
    if (mediaType && INDEX_TYPES.has(mediaType)) {
      if (resolved === undefined) continue; // a nested index we do not have: nothing to list
      if (depth >= MAX_INDEX_DEPTH) bad(display, `${at}: image indexes nested more than ${MAX_INDEX_DEPTH} deep`);
      checkSize(store, resolved, d.size, digest, display);
      blob ??= await store.readJson(path, `index ${digest}`);
      append(out, await walkIndex(store, blob, `index ${shortDigest(digest)}`, depth + 1, name, format, tags, display, image));
      continue;
    }
    if (!mediaType || !MANIFEST_TYPES.has(mediaType)) continue;
    let platform = platformOf(d.platform);
    if (platform?.os === 'unknown') continue; // buildx attestation entries
    if (resolved === undefined) {
      out.push({ image, platform, missing: `manifest blob ${digest} is absent`, load: () => bad(display, `missing manifest blob ${digest}`) });
      continue;
    }
    checkSize(store, resolved, d.size, digest, display);
    const manifest = blob ?? (await store.readJson(path, `manifest ${digest}`));
    if (!isObject(manifest) || !isObject(manifest.config) || (manifest.layers !== undefined && manifest.layers !== null && !Array.isArray(manifest.layers))) {
      bad(display, `manifest ${digest} needs a config descriptor and a layers array`);
    }
    const configMedia = manifest.config.mediaType;
    if (typeof manifest.artifactType === 'string' || (typeof configMedia === 'string' && ARTIFACT_CONFIGS.has(configMedia))) continue;
    const configDigest = manifest.config.digest as string;
    const configPath = blobPath(configDigest, display, `manifest ${shortDigest(digest)} config`);
    let configJson: unknown;
    const readConfig = async () => {
      if (configJson !== undefined) return configJson;
      const r = store.resolve(configPath);
      if (r === undefined) bad(display, `manifest ${digest} references missing blob ${configDigest} (config)`);
      checkSize(store, r, (manifest.config as Json).size, configDigest, display);
      return (configJson = await store.readJson(configPath, `config ${configDigest}`));
    };
    if (!platform) platform = platformOf(await readConfig());
    out.push({
      image,
      platform,
      configDigest,
      load: async () => {
        const config = await readConfig();
        const diffIds = diffIdsOf(config);
        const descs = (manifest.layers ?? []) as unknown[];
        const layers = descs.map((ld, li): LayerRef => {
          const lat = `manifest ${shortDigest(digest)} layer ${li + 1} of ${descs.length}`;
          if (!isObject(ld)) bad(display, `${lat} is not a descriptor object`);
          const member = blobPath(ld.digest, display, lat);
          const r = store.resolve(member);
          if (r === undefined) bad(display, `manifest ${digest} references missing blob ${ld.digest as string} (layer ${li + 1} of ${descs.length})`);
          checkSize(store, r, ld.size, ld.digest as string, display);
          return { member, resolved: r, digest: ld.digest as string, ...(diffIds[li] ? { diffId: diffIds[li] } : {}), ...(typeof ld.size === 'number' ? { size: ld.size } : {}) };
        });
        return {
          format, repoTags: tags(configDigest, name), platform: platform ?? platformOf(config) ?? { os: 'linux', architecture: 'amd64' },
          platforms: [], configDigest, configJson: config, layers,
        };
      },
    });
  }
  return out;
}

/**
 * The image a top-level index entry stands for. A named entry (Docker 25+ writes one per saved
 * image) is an image of its own, told apart by digest so that two tags of one image count once;
 * unnamed entries side by side are taken as the platforms of the layout's one image.
 */
function topLevelImage(digest: string, names: string[]): ImageIdentity {
  return names.length ? { key: digest, label: names[0], names } : { key: '', label: shortDigest(digest), names };
}

/** A blob whose size differs from its descriptor is corrupt or was swapped. */
function checkSize(store: BlobStore, resolved: string, declared: unknown, digest: string, display: string): void {
  if (typeof declared !== 'number') return;
  const actual = store.size(resolved);
  if (actual !== declared) bad(display, `blob ${digest} is ${actual} bytes but its descriptor says ${declared}`);
}
