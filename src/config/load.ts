import { existsSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import type { RuleRegistry } from '../engine/registry.js';
import { SourceFile } from '../model/source.js';
import { MAX_INPUT_BYTES, readBounded } from '../read-input.js';
import { ConfigError } from './errors.js';
import { fromHadolint } from './hadolint.js';
import { hadolintEnvConfig } from './hadolint-env.js';
import { combineConfigs } from './combine.js';
import type { LoadedConfig, ShipreadyConfig } from './types.js';
import { keyText, validateConfig, type ConfigIssue } from './validate.js';

export const CONFIG_NAMES = ['.shipready.yaml', '.shipready.yml', '.shipready.json'];
const HADOLINT_NAMES = ['.hadolint.yaml', '.hadolint.yml'];

/** Where the config for `cwd` lives: own config upward from cwd, else hadolint's lookup order. */
export function findConfig(cwd: string): { path: string; kind: 'shipready' | 'hadolint' } | null {
  for (let dir = resolve(cwd); ; dir = dirname(dir)) {
    for (const n of CONFIG_NAMES) if (existsSync(join(dir, n))) return { path: join(dir, n), kind: 'shipready' };
    if (dirname(dir) === dir || existsSync(join(dir, '.git'))) break;
  }
  const home = homedir();
  const xdg = process.env.XDG_CONFIG_HOME || join(home, '.config');
  const candidates = [
    ...HADOLINT_NAMES.map((n) => join(resolve(cwd), n)),
    join(xdg, 'hadolint.yaml'), join(xdg, 'hadolint.yml'),
    join(home, '.hadolint', 'hadolint.yaml'), join(home, '.hadolint', 'hadolint.yml'),
    join(home, '.hadolint', 'config.yaml'), join(home, '.hadolint', 'config.yml'),
    join(home, '.hadolint.yaml'), join(home, '.hadolint.yml'),
  ];
  for (const p of candidates) if (existsSync(p)) return { path: p, kind: 'hadolint' };
  return null;
}

/**
 * Load and strictly validate the configuration. `explicit` (from --config) wins over lookup.
 * Throws ConfigError (one line, with file and position) on any problem.
 */
export async function loadConfig(cwd: string, registry: RuleRegistry | (() => Promise<RuleRegistry>), explicit?: string, env: Record<string, string | undefined> = process.env): Promise<LoadedConfig> {
  let found: { path: string; kind: 'shipready' | 'hadolint' } | null;
  if (explicit) {
    const p = resolve(cwd, explicit);
    if (!existsSync(p)) throw new ConfigError('config file not found', explicit);
    found = { path: p, kind: /hadolint/i.test(p) ? 'hadolint' : 'shipready' };
  } else found = findConfig(cwd);
  // hadolint's environment variables count where hadolint's settings do: when no shipready config does.
  const fromEnv = found?.kind === 'shipready' ? undefined : hadolintEnvConfig(env);
  if (!found && !fromEnv) return { config: {}, path: null, kind: 'default', baseDir: resolve(cwd) };
  // A loader is called only now: without a config no rule is looked up.
  const rules = typeof registry === 'function' ? await registry() : registry;
  let config: ShipreadyConfig = {};
  if (found) {
    let bytes: Buffer | null;
    try {
      // A config found by looking must be a regular file (a pipe would block the run); -c may name a pipe.
      if (!explicit && !statSync(found.path).isFile()) throw new Error('not a regular file');
      bytes = readBounded(found.path, MAX_INPUT_BYTES);
    } catch (e) {
      throw new ConfigError(`cannot read config: ${(e as Error).message}`, found.path);
    }
    if (!bytes) throw new ConfigError(`cannot read config: larger than ${MAX_INPUT_BYTES} bytes`, found.path);
    const text = bytes.toString('utf8');
    config = await parseConfigText(text, found.path, found.kind, rules);
  }
  if (fromEnv) {
    const { config: envConfig, issues } = fromHadolint(fromEnv.raw, rules);
    if (issues.length > 0) {
      const [key, ...rest] = issues[0].path;
      const where = [fromEnv.source[String(key)] ?? String(key), ...rest.map(String)].join('.');
      throw new ConfigError(`${where}: ${issues[0].message}`, 'environment');
    }
    config = combineConfigs(config, envConfig);
  }
  return { config, path: found?.path ?? null, kind: found?.kind ?? 'hadolint', baseDir: found ? dirname(found.path) : resolve(cwd) };
}

/** Parse and validate config text (YAML or JSON). */
export async function parseConfigText(text: string, path: string, kind: 'shipready' | 'hadolint', registry: RuleRegistry): Promise<ShipreadyConfig> {
  const { parseDocument, isMap, isPair, isScalar, isSeq, visit } = await import('yaml');
  // logLevel 'error': the library would print a process warning for a key that is a collection.
  // Duplicate keys are found below: the library's own check compares each key with every earlier
  // one (a config with 20,000 keys took 2 s).
  const doc = parseDocument(text, { uniqueKeys: false, prettyErrors: false, logLevel: 'error' });
  const src = new SourceFile(path, text);
  if (doc.errors.length > 0) {
    const err = doc.errors[0];
    const pos = src.position(err.pos[0]);
    // (The library's own words for a second document tell the user to call one of its functions.)
    const what = /call stack/i.test(err.message)
      ? 'the YAML nests too deeply to be read'
      : err.code === 'MULTIPLE_DOCS'
        ? 'invalid YAML: a config is one document, and a second one starts here'
        : `invalid YAML: ${err.message.split('\n')[0]}`;
    throw new ConfigError(what, path, pos.line, pos.column);
  }
  // The first repeated key in the text (scalar keys compared by value, as the library does).
  let dup: { at: number; key: unknown } | undefined;
  visit(doc, {
    Map(_, map) {
      const seen = new Set<unknown>();
      for (const pair of map.items) {
        if (!isScalar(pair.key)) continue;
        const at = pair.key.range?.[0] ?? 0;
        if (!seen.has(pair.key.value)) seen.add(pair.key.value);
        else if (!dup || at < dup.at) dup = { at, key: pair.key.value };
      }
    },
  });
  if (dup) {
    const pos = src.position(dup.at);
    throw new ConfigError(`invalid YAML: the key "${keyText(String(dup.key))}" appears twice in one mapping`, path, pos.line, pos.column);
  }
  let raw: unknown;
  try {
    raw = doc.toJS({ maxAliasCount: 100 });
  } catch (e) {
    // An alias with no anchor before it, or too many aliases: the library throws a ReferenceError.
    // Point at the first alias that does not resolve (else the first alias).
    let at: number | undefined;
    visit(doc, {
      Alias(_, node) {
        const resolves = node.resolve(doc) !== undefined;
        if (at === undefined || !resolves) at = node.range?.[0] ?? at;
        return resolves ? undefined : visit.BREAK;
      },
    });
    const pos = src.position(at ?? 0);
    throw new ConfigError(`invalid YAML: ${(e as Error).message.split('\n')[0]}`, path, pos.line, pos.column);
  }
  let result: { config: ShipreadyConfig; issues: ConfigIssue[] };
  if (kind === 'hadolint') result = fromHadolint(raw, registry);
  else result = validateConfig(raw, registry);
  if (result.issues.length > 0) {
    const issue = result.issues[0];
    // Point at the key (or item) the issue is about.
    let node: unknown = doc.contents;
    let offset = 0;
    for (const seg of issue.path) {
      if (isMap(node)) {
        const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(seg));
        if (!pair) break;
        offset = (pair.key as { range?: [number, number] }).range?.[0] ?? offset;
        node = pair.value;
      } else if (isSeq(node) && typeof seg === 'number') {
        const item = node.items[seg] as { range?: [number, number] } | undefined;
        offset = item?.range?.[0] ?? offset;
        node = item;
      } else break;
    }
    const pos = src.position(offset);
    const where = issue.path.length ? `${issue.path.map(keyText).join('.')}: ` : '';
    const more = result.issues.length > 1 ? ` (and ${result.issues.length - 1} more problem${result.issues.length > 2 ? 's' : ''})` : '';
    throw new ConfigError(`${where}${issue.message}${more}`, path, pos.line, pos.column);
  }
  return result.config;
}

