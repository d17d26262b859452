/**
 * Loads a Compose project the way `docker compose` does, keeping a source map: the main file and its
 * overrides merged in order, `include`, `extends`, YAML anchors and merge keys, profiles, and
 * interpolation from `.env` and the environment. Every value keeps the {file, start, end} where it is
 * written. Problems become `issues` (never exceptions).
 */
import { statSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { readBounded } from '../../read-input.js';
import { parseDockerfile } from '../dockerfile/parse.js';
import type { Dockerfile } from '../dockerfile/types.js';
import { SourceFile } from '../source.js';
import { interpolate, parseDotenv } from './interpolate.js';
import { childPath, mergeMaps } from './merge.js';
import { validateCompose } from './schema.js';
import type { BuildInfo, CMap, CNode, ComposeFile, ComposeProject, ComposeService, LoadIssue, Origin } from './types.js';
import { DEFAULT_YAML_LIMITS, parseYaml, type YamlLimits } from './yaml.js';
import { append } from '../../append.js';

export const MAX_COMPOSE_BYTES = 8 * 1024 * 1024;

export interface ComposeInput {
  /** Absolute path (null for stdin). */
  abs: string | null;
  /** Path shown in findings. */
  display: string;
  /** The text, when already read (stdin, or fixes in progress). */
  text?: string;
}

export interface LoadOptions {
  /** Working directory: display paths of files found through `extends`/`include` are relative to it. */
  cwd: string;
  /** The environment used for interpolation (default: none; the CLI passes process.env). */
  env?: Record<string, string | undefined>;
  /** Reads a file; undefined when it does not exist. Default: the file system. */
  readFile?: (abs: string) => Uint8Array | string | undefined;
  /** Texts to use instead of reading (fixes in progress), by absolute path. */
  texts?: ReadonlyMap<string, string>;
  limits?: YamlLimits;
  /** Validate against the Compose Specification schema (default true). */
  validate?: boolean;
  /** Read and parse the Dockerfiles of services with `build:` (default true). */
  dockerfiles?: boolean;
  /**
   * Files to read the project's variables from instead of its directory's `.env`, later ones
   * winning (`docker compose --env-file a --env-file b`); absolute paths.
   */
  envFiles?: readonly string[];
}

interface FileModel {
  file: ComposeFile;
  /** Interpolated top-level mapping of the file (after its includes and extends). */
  root: CMap | null;
  dir: string;
  env: ReadonlyMap<string, string>;
  /** Service mappings as written in this file (before `extends` and `include`), for fixes. */
  literal: Map<string, CMap>;
}

const emptyMap = (origin: Origin): CMap => ({ kind: 'map', entries: new Map(), flow: false, origin, refs: 1 });

/**
 * A file's bytes; undefined when it cannot be read. Only a file named on the command line may be a
 * pipe or device (`--compose-file <(...)`): one found in a project could block the run forever.
 */
function defaultRead(abs: string, named = false): Uint8Array | undefined {
  try {
    const st = statSync(abs);
    if (!st.isFile() && !(named && (st.isFIFO() || st.isCharacterDevice()))) return undefined;
    if (st.size > MAX_COMPOSE_BYTES) return new Uint8Array(0);
    return readBounded(abs, MAX_COMPOSE_BYTES) ?? new Uint8Array(0);
  } catch {
    return undefined;
  }
}

/** Decode bytes as UTF-8; on bad bytes (or NUL) return the text with the offset of the first one. */
export function decodeUtf8(buf: Uint8Array): { text: string; badOffset?: number } {
  const nul = buf.indexOf(0);
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(buf);
    if (nul >= 0) return { text, badOffset: new TextDecoder().decode(buf.subarray(0, nul)).length };
    return { text };
  } catch {
    let bad = buf.length;
    for (let i = 0; i < buf.length; ) {
      const c = buf[i];
      const n = c < 0x80 ? 0 : c >= 0xc2 && c < 0xe0 ? 1 : c >= 0xe0 && c < 0xf0 ? 2 : c >= 0xf0 && c < 0xf5 ? 3 : -1;
      let ok = n >= 0;
      for (let k = 1; ok && k <= n; k++) if (i + k >= buf.length || (buf[i + k] & 0xc0) !== 0x80) ok = false;
      if (!ok) { bad = i; break; }
      i += n + 1;
    }
    const text = new TextDecoder('utf-8').decode(buf);
    const at = Math.min(bad, nul >= 0 ? nul : Infinity);
    return { text, badOffset: new TextDecoder().decode(buf.subarray(0, at)).length };
  }
}

export function loadComposeProject(inputs: ComposeInput[], opts: LoadOptions): ComposeProject {
  return new Loader(opts).load(inputs);
}

class Loader {
  private readonly files: ComposeFile[] = [];
  private readonly fileRoots: Array<{ file: string; root: CMap }> = [];
  private readonly issues: LoadIssue[] = [];
  private readonly fileModels = new Map<string, FileModel | null>();
  private readonly dirs = new Map<string, string>();
  private readonly processEnv: Map<string, string>;
  private readonly dockerfiles = new Map<string, Dockerfile | null>();
  private projectDir = '';
  /** Services whose `extends` could not be followed (their results, and their names). */
  private readonly partialMaps = new Set<CMap>();
  private readonly partialNames = new Set<string>();
  /** Files whose bytes start with a UTF-8 byte-order mark (the decoded text has none). */
  private readonly withBom = new Set<string>();

  constructor(private readonly opts: LoadOptions) {
    this.processEnv = new Map(Object.entries(opts.env ?? {}).filter((e): e is [string, string] => typeof e[1] === 'string'));
  }

  load(inputs: ComposeInput[]): ComposeProject {
    this.projectDir = inputs[0]?.abs ? dirname(inputs[0].abs) : this.opts.cwd;
    const env = this.envFor(this.projectDir);
    let root: CMap | null = null;
    const written = new Map<string, CMap[]>();
    inputs.forEach((input, i) => {
      const m = this.loadFile(input.abs, input.display, input.text, i === 0 ? 'main' : 'override', env, null);
      if (!m?.root) return;
      for (const [name, map] of m.literal) written.set(name, [...(written.get(name) ?? []), map]);
      root = root ? mergeMaps(root, m.root, '') : m.root;
    });
    const services: ComposeService[] = [];
    const r = root as CMap | null;
    const svcNode = r?.entries.get('services')?.value;
    if (svcNode?.kind === 'map') {
      for (const [name, e] of svcNode.entries) {
        const node = e.value.kind === 'map' ? e.value : emptyMap(e.value.origin);
        const build = this.buildInfo(node);
        services.push({
          name,
          keyOrigin: e.keyOrigin,
          node,
          written: written.get(name) ?? [],
          profiles: stringsOf(node.entries.get('profiles')?.value),
          build,
          dockerfile: build ? this.dockerfile(build) : null,
          // Neither image nor build: a fragment that another file completes (an override read alone).
          partial: this.partialNames.has(name) || (!node.entries.has('image') && !node.entries.has('build')),
        });
      }
    }
    const active = (env.get('COMPOSE_PROFILES') ?? '').split(',').map((s) => s.trim()).filter(Boolean);
    return { files: this.files, root: r, fileRoots: this.fileRoots, services, issues: this.issues, projectDir: this.projectDir, env, activeProfiles: active };
  }

  /** A directory's variables: its `.env` (the project's: the --env-file ones), under the environment's. */
  private envFor(dir: string): ReadonlyMap<string, string> {
    const files = dir === this.projectDir && this.opts.envFiles?.length ? this.opts.envFiles : [join(dir, '.env')];
    let vars: Map<string, string> | null = null;
    for (const f of files) {
      const text = this.read(f, files === this.opts.envFiles);
      if (text === undefined || typeof text !== 'string') continue;
      // A later file may use an earlier one's variables, as Compose reads them in order.
      const parsed = parseDotenv(text, vars ? new Map([...vars, ...this.processEnv]) : this.processEnv);
      vars = vars ? new Map([...vars, ...parsed]) : parsed;
    }
    if (!vars) return this.processEnv;
    for (const [k, v] of this.processEnv) vars.set(k, v);
    return vars;
  }

  /** `named`: the file was named on the command line (see defaultRead). */
  private read(abs: string, named = false): string | undefined | { text: string; badOffset: number } {
    const pre = this.opts.texts?.get(abs);
    if (pre !== undefined) return pre;
    const raw = this.opts.readFile ? this.opts.readFile(abs) : defaultRead(abs, named);
    if (raw === undefined) return undefined;
    if (typeof raw === 'string') return raw;
    if (raw[0] === 0xef && raw[1] === 0xbb && raw[2] === 0xbf) this.withBom.add(abs);
    const d = decodeUtf8(raw);
    return d.badOffset === undefined ? d.text : { text: d.text, badOffset: d.badOffset };
  }

  /** Relative to the working directory (`../base/compose.yaml` too), as Dockerfile paths are shown. */
  private display(abs: string): string {
    const rel = relative(this.opts.cwd, abs);
    return (rel || abs).split(sep).join('/');
  }

  /** Parse, validate and interpolate one file, then apply its `include` and `extends`. */
  private loadFile(abs: string | null, display: string, text: string | undefined, role: ComposeFile['role'], env: ReadonlyMap<string, string> | null, from: Origin | null): FileModel | null {
    const key = abs ?? `stdin:${display}`;
    if (this.fileModels.has(key)) return this.fileModels.get(key)!;
    this.fileModels.set(key, null); // cycle guard
    let t = text;
    let badOffset: number | undefined;
    if (t === undefined && abs) {
      const r = this.read(abs, from === null);
      if (r === undefined) {
        this.issues.push({ kind: 'reference', message: `cannot read ${display}: no such file`, origin: from ?? { file: display, start: 0, end: 0 } });
        return null;
      }
      if (typeof r === 'string') t = r;
      else { t = r.text; badOffset = r.badOffset; }
    }
    const file: ComposeFile = { path: display, abs, text: t ?? '', source: new SourceFile(display, t ?? ''), role, ...(abs && this.withBom.has(abs) ? { bom: true } : {}) };
    this.files.push(file);
    const dir = abs ? dirname(abs) : this.opts.cwd;
    this.dirs.set(display, dir);
    const fileEnv = env ?? this.envFor(dir);
    const model: FileModel = { file, root: null, dir, env: fileEnv, literal: new Map() };
    this.fileModels.set(key, model);
    if (badOffset !== undefined) {
      this.issues.push({ kind: 'syntax', message: 'the file is not valid UTF-8 text (or contains a NUL byte); Compose files must be UTF-8', origin: { file: display, start: badOffset, end: badOffset + 1 } });
      return model;
    }
    const parsed = parseYaml(file.text, display, this.opts.limits ?? DEFAULT_YAML_LIMITS);
    append(this.issues, parsed.issues);
    let root: CMap | null = null;
    for (const doc of parsed.docs) {
      if (doc.kind !== 'map') {
        this.issues.push({ kind: 'schema', message: 'a Compose file must be a mapping (services:, volumes:, ...)', origin: doc.origin });
        continue;
      }
      if (this.opts.validate !== false) {
        const v1 = legacyFormat(doc);
        if (v1) this.issues.push(v1);
        else append(this.issues, validateCompose(doc));
      }
      const interpolated = this.interpolateNode(doc, fileEnv, new Map()) as CMap;
      root = root ? mergeMaps(root, interpolated, '') : interpolated;
    }
    if (!root) return model;
    this.fileRoots.push({ file: display, root });
    const own = root.entries.get('services')?.value;
    if (own?.kind === 'map') for (const [name, e] of own.entries) if (e.value.kind === 'map' && !e.merged) model.literal.set(name, e.value);
    model.root = this.applyIncludes(root, dir);
    model.root = this.applyExtends(model.root, model);
    return model;
  }

  private interpolateNode(n: CNode, env: ReadonlyMap<string, string>, memo: Map<CNode, CNode>): CNode {
    const done = memo.get(n);
    if (done) return done;
    let out: CNode;
    if (n.kind === 'scalar') {
      if (typeof n.raw === 'string' && n.raw.includes('$')) {
        const r = interpolate(n.raw, env);
        if (r.error) this.issues.push({ kind: 'interpolation', message: r.error.message, origin: n.origin });
        out = { ...n, value: r.value, interpolated: r.used, unknown: r.unknown };
      } else out = n;
    } else if (n.kind === 'seq') {
      out = { ...n, items: n.items.map((i) => this.interpolateNode(i, env, memo)) };
    } else {
      const entries = new Map<string, import('./types.js').CEntry>();
      for (const [k, e] of n.entries) entries.set(k, { ...e, value: this.interpolateNode(e.value, env, memo) });
      out = { ...n, entries };
    }
    memo.set(n, out);
    return out;
  }

  private applyIncludes(root: CMap, dir: string): CMap {
    const inc = root.entries.get('include')?.value;
    if (inc?.kind !== 'seq') return root;
    let out = root;
    for (const item of inc.items) {
      const paths: Array<{ path: string; origin: Origin }> = [];
      if (item.kind === 'scalar' && typeof item.value === 'string' && !item.unknown) paths.push({ path: item.value, origin: item.origin });
      else if (item.kind === 'map') {
        const p = item.entries.get('path')?.value;
        if (p?.kind === 'scalar' && typeof p.value === 'string' && !p.unknown) paths.push({ path: p.value, origin: p.origin });
        if (p?.kind === 'seq') for (const x of p.items) if (x.kind === 'scalar' && typeof x.value === 'string' && !x.unknown) paths.push({ path: x.value, origin: x.origin });
      }
      for (const { path, origin } of paths) {
        if (/^[a-z]+:\/\//i.test(path) || path.startsWith('oci:') || path.startsWith('git@')) continue; // remote includes are not fetched
        const abs = isAbsolute(path) ? path : resolve(dir, path);
        const m = this.loadFile(abs, this.display(abs), undefined, 'include', null, origin);
        if (!m?.root) continue;
        out = addMissing(out, m.root);
      }
    }
    return out;
  }

  private applyExtends(root: CMap, model: FileModel): CMap {
    const svcs = root.entries.get('services')?.value;
    if (svcs?.kind !== 'map') return root;
    let changed = false;
    const entries = new Map(svcs.entries);
    // Each service is resolved once, its result shared by every service that extends it (resolving
    // every chain anew was quadratic in a long chain, and repeated the chain's issues).
    const done = new Map<string, CMap>();
    for (const [name, e] of svcs.entries) {
      if (e.value.kind !== 'map' || !e.value.entries.has('extends')) continue;
      const resolved = this.resolveExtends({ key: `${model.file.path}#${name}`, svc: e.value, model }, done);
      if (this.partialMaps.has(resolved)) this.partialNames.add(name);
      if (resolved !== e.value) { entries.set(name, { ...e, value: resolved }); changed = true; }
    }
    if (!changed) return root;
    const newRoot = new Map(root.entries);
    newRoot.set('services', { ...root.entries.get('services')!, value: { ...svcs, entries } });
    return { ...root, entries: newRoot };
  }

  /**
   * A service with its `extends` chain merged in. The chain is walked down in a loop (no recursion
   * however long it is) to a service that extends nothing, one resolved before, or a link that
   * cannot be followed (reported), then merged back up, each service's result kept in `done`.
   */
  private resolveExtends(top: ExtendsLink, done: Map<string, CMap>): CMap {
    const chain: ExtendsLink[] = [];
    const onChain = new Set<string>();
    let base: CMap | undefined; // the resolved service below the last link of the chain
    let bottom: CMap | undefined; // or what the last link resolves to by itself
    let broken = false; // a link could not be followed: the services up the chain lack their base
    for (let link: ExtendsLink = top; ; ) {
      base = done.get(link.key);
      if (base) { broken = this.partialMaps.has(base); break; }
      chain.push(link);
      onChain.add(link.key);
      const next = this.extendsTarget(link.svc, link.model);
      if (!('key' in next)) { bottom = next.alone; broken = link.svc.entries.has('extends'); break; }
      if (onChain.has(next.key)) {
        this.issues.push({ kind: 'reference', message: `extends: service "${next.name}" extends itself (a cycle)`, origin: next.at });
        bottom = stripExtends(link.svc);
        broken = true;
        break;
      }
      link = next;
    }
    for (let i = chain.length - 1; i >= 0; i--) {
      const link = chain[i];
      const out: CMap = i === chain.length - 1 && bottom ? bottom : mergeMaps(stripExtends(base!), stripExtends(link.svc), 'services.*');
      done.set(link.key, out);
      if (broken) this.partialMaps.add(out);
      base = out;
    }
    return base!;
  }

  /** The service `svc` extends, or what `svc` resolves to alone when there is none or it cannot be followed. */
  private extendsTarget(svc: CMap, model: FileModel): (ExtendsLink & { name: string; at: Origin }) | { alone: CMap } {
    const ext = svc.entries.get('extends')?.value;
    if (!ext) return { alone: svc };
    let baseName: string | undefined;
    let fileNode: CNode | undefined;
    if (ext.kind === 'scalar' && typeof ext.value === 'string') baseName = ext.value;
    else if (ext.kind === 'map') {
      const s = ext.entries.get('service')?.value;
      if (s?.kind === 'scalar' && typeof s.value === 'string') baseName = s.value;
      fileNode = ext.entries.get('file')?.value;
    }
    if (!baseName || (ext.kind === 'scalar' && ext.unknown)) return { alone: svc };
    let baseModel: FileModel | null = model;
    if (fileNode?.kind === 'scalar' && typeof fileNode.value === 'string') {
      if (fileNode.unknown) return { alone: svc };
      const dir = this.dirs.get(fileNode.origin.file) ?? model.dir;
      const abs = isAbsolute(fileNode.value) ? fileNode.value : resolve(dir, fileNode.value);
      baseModel = this.loadFile(abs, this.display(abs), undefined, 'extends', null, fileNode.origin);
      if (!baseModel) return { alone: svc };
      if (!baseModel.root) {
        // Still loading (a cycle through files): the base cannot be resolved.
        this.issues.push({ kind: 'reference', message: `extends: ${fileNode.value} is part of a cycle`, origin: fileNode.origin });
        return { alone: stripExtends(svc) };
      }
    }
    const baseSvcs = baseModel.root?.entries.get('services')?.value;
    const baseEntry = baseSvcs?.kind === 'map' ? baseSvcs.entries.get(baseName) : undefined;
    const at = ext.kind === 'map' ? ext.entries.get('service')?.value.origin ?? ext.origin : ext.origin;
    if (!baseEntry || baseEntry.value.kind !== 'map') {
      this.issues.push({ kind: 'reference', message: `extends: service "${baseName}" is not defined${baseModel !== model ? ` in ${baseModel.file.path}` : ''}`, origin: at });
      return { alone: stripExtends(svc) };
    }
    return { key: `${baseModel.file.path}#${baseName}`, svc: baseEntry.value, model: baseModel, name: baseName, at };
  }

  private buildInfo(svc: CMap): BuildInfo | null {
    const b = svc.entries.get('build')?.value;
    if (!b) return null;
    let ctx: CNode | undefined;
    let df: CNode | undefined;
    let inline: CNode | undefined;
    let target: CNode | undefined;
    if (b.kind === 'scalar') ctx = b;
    else if (b.kind === 'map') {
      ctx = b.entries.get('context')?.value;
      df = b.entries.get('dockerfile')?.value;
      inline = b.entries.get('dockerfile_inline')?.value;
      target = b.entries.get('target')?.value;
    } else return null;
    const str = (n: CNode | undefined) => (n?.kind === 'scalar' && n.value !== null && !n.unknown ? String(n.value) : undefined);
    const ctxValue = str(ctx) ?? (ctx ? undefined : '.');
    let context: string | null = null;
    if (ctxValue !== undefined && !/^[a-z]+:\/\/|^git@|^github\.com\//i.test(ctxValue)) {
      const dir = this.dirs.get((ctx ?? b).origin.file) ?? this.projectDir;
      context = isAbsolute(ctxValue) ? ctxValue : resolve(dir, ctxValue);
    }
    let dockerfile: string | null = null;
    const dfValue = str(df);
    if (context && (dfValue !== undefined || !df) && !inline) {
      const name = dfValue ?? 'Dockerfile';
      dockerfile = isAbsolute(name) ? name : resolve(context, name);
    }
    return { context, dockerfile, inline: str(inline) ?? null, target: str(target) ?? null, node: b };
  }

  private dockerfile(build: BuildInfo): Dockerfile | null {
    if (this.opts.dockerfiles === false) return null;
    if (build.inline !== null) return parseDockerfile('dockerfile_inline', build.inline);
    if (!build.dockerfile) return null;
    if (this.dockerfiles.has(build.dockerfile)) return this.dockerfiles.get(build.dockerfile)!;
    const r = this.read(build.dockerfile);
    const df = typeof r === 'string' ? parseDockerfile(this.display(build.dockerfile), r) : null;
    this.dockerfiles.set(build.dockerfile, df);
    return df;
  }
}

/** A Compose file format v1 file (services at the top level, no `services:`): one clear issue. */
function legacyFormat(doc: CMap): LoadIssue | undefined {
  if (doc.entries.has('services')) return undefined;
  const svc = [...doc.entries.values()].find((e) => e.value.kind === 'map' && (e.value.entries.has('image') || e.value.entries.has('build')));
  if (!svc) return undefined;
  return { kind: 'schema', message: `this is a Compose file format v1 file (service "${svc.key}" is at the top level): current Compose does not read it; move the services under a top-level "services:" key`, origin: svc.keyOrigin };
}

/** A service in an `extends` chain: its key (file#name), definition and file. */
interface ExtendsLink {
  key: string;
  svc: CMap;
  model: FileModel;
}

function stripExtends(m: CMap): CMap {
  if (!m.entries.has('extends')) return m;
  const entries = new Map(m.entries);
  entries.delete('extends');
  return { ...m, entries };
}

/** Add the included file's resources that the including file does not define itself. */
function addMissing(root: CMap, included: CMap): CMap {
  const entries = new Map(root.entries);
  for (const section of ['services', 'volumes', 'networks', 'secrets', 'configs', 'models']) {
    const inc = included.entries.get(section);
    if (inc?.value.kind !== 'map') continue;
    const own = entries.get(section);
    if (!own || own.value.kind !== 'map') {
      entries.set(section, inc);
      continue;
    }
    const merged = new Map(own.value.entries);
    for (const [k, e] of inc.value.entries) if (!merged.has(k)) merged.set(k, e);
    entries.set(section, { ...own, value: { ...own.value, entries: merged } });
  }
  return { ...root, entries };
}

/** Strings of a scalar or a list of scalars (unknown values skipped). */
export function stringsOf(n: CNode | undefined): string[] {
  if (!n) return [];
  if (n.kind === 'scalar') return n.value === null || n.unknown ? [] : [String(n.value)];
  if (n.kind === 'seq') return n.items.flatMap((i) => (i.kind === 'scalar' && i.value !== null && !i.unknown ? [String(i.value)] : []));
  return [];
}

export { childPath };
