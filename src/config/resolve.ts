import type { Severity } from '../finding.js';
import { isShellcheckCode, matchesKey, type RuleRegistry } from '../engine/registry.js';
import type { Rule, RuleSettings } from '../rules/types.js';
import { DEFAULT_SETTINGS, type LoadedConfig, type RuleEntry } from './types.js';
import { matchAtoms, type Atom } from '../match-atoms.js';

const notSlash = (cp: number) => cp !== 47;
// What `.` matches in a JavaScript RegExp: anything but a line terminator.
const notLineEnd = (cp: number) => cp !== 10 && cp !== 13 && cp !== 0x2028 && cp !== 0x2029;

/**
 * Glob (`*`, `**`, `?`) matcher over `/`-separated relative paths: `*` and `?` stay inside one
 * name, `**` crosses directories, `**` followed by a slash also matches no directory at all. Matched in
 * linear time (see matchAtoms): a config's `files` glob must not be able to hang a run.
 */
export function globMatcher(glob: string): { test(path: string): boolean } {
  const atoms: Atom[] = [];
  for (let i = 0; i < glob.length; ) {
    const cp = glob.codePointAt(i)!;
    i += cp > 0xffff ? 2 : 1;
    if (cp === 42 /* * */) {
      if (glob[i] === '*') {
        i++;
        if (glob[i] === '/') {
          i++;
          atoms.push({ test: notLineEnd, repeat: '?', dirs: true });
        } else atoms.push({ test: notLineEnd, repeat: '*', dirs: false });
      } else atoms.push({ test: notSlash, repeat: '*', dirs: false });
    } else if (cp === 63 /* ? */) atoms.push({ test: notSlash, repeat: '', dirs: false });
    else atoms.push({ test: (c) => c === cp, repeat: '', dirs: false });
  }
  return { test: (path) => matchAtoms(atoms, path) };
}

interface Layer {
  severities: Map<Rule<any>, Severity>;
  options: Map<Rule<any>, Record<string, unknown>>;
  scSeverities: Map<string, Severity>;
  ignore: string[];
}

function layerOf(entries: Record<string, RuleEntry> | undefined, ignore: string[] | undefined, registry: RuleRegistry): Layer {
  const layer: Layer = { severities: new Map(), options: new Map(), scSeverities: new Map(), ignore: ignore ?? [] };
  for (const [key, entry] of Object.entries(entries ?? {})) {
    const sev = typeof entry === 'string' ? entry : entry.severity;
    const opts = typeof entry === 'string' ? undefined : entry.options;
    if (isShellcheckCode(key)) {
      if (sev) layer.scSeverities.set(key.toUpperCase(), sev);
      continue;
    }
    for (const r of registry.find(key)) {
      if (sev) layer.severities.set(r, sev);
      if (opts) layer.options.set(r, opts);
    }
  }
  return layer;
}

/** Per-file view of the configuration. */
export interface FileConfig {
  severity(rule: Rule<any>): Severity;
  options(rule: Rule<any>): Record<string, unknown>;
  /** Severity override for a ShellCheck code, if any. */
  shellcheckSeverity(code: string): Severity | undefined;
  isIgnored(ruleId: string, ruleName: string, aliases: readonly string[]): boolean;
}

export class EffectiveConfig {
  readonly settings: RuleSettings;
  readonly failureThreshold: Severity | 'none';
  readonly disableIgnorePragma: boolean;
  readonly shellcheck: boolean;
  readonly noFail: boolean;
  /** The output format the config asks for (a valid name: the validator checked it). */
  readonly format: string | undefined;
  private readonly base: Layer;
  private readonly overrides: Array<{ patterns: Array<{ test(path: string): boolean }>; layer: Layer }>;

  constructor(readonly loaded: LoadedConfig, readonly registry: RuleRegistry) {
    const c = loaded.config;
    this.settings = {
      trustedRegistries: c.trustedRegistries ?? DEFAULT_SETTINGS.trustedRegistries,
      labelSchema: c.labelSchema ?? DEFAULT_SETTINGS.labelSchema,
      strictLabels: c.strictLabels ?? DEFAULT_SETTINGS.strictLabels,
    };
    this.failureThreshold = c.failureThreshold ?? 'info';
    this.disableIgnorePragma = c.disableIgnorePragma ?? false;
    this.shellcheck = c.shellcheck ?? true;
    this.noFail = c.noFail ?? false;
    this.format = c.format;
    this.base = layerOf(c.rules, c.ignore, registry);
    this.overrides = (c.overrides ?? []).map((o) => ({ patterns: o.files.map(globMatcher), layer: layerOf(o.rules, o.ignore, registry) }));
  }

  /** `relPath` is relative to the config's base directory, `/`-separated. */
  forFile(relPath: string): FileConfig {
    const base = relPath.split('/').pop() ?? relPath;
    const layers = [this.base, ...this.overrides.filter((o) => o.patterns.some((p) => p.test(relPath) || p.test(base))).map((o) => o.layer)];
    const settings = this.settings;
    return {
      severity(rule) {
        let sev = rule.meta.severity;
        for (const l of layers) sev = l.severities.get(rule) ?? sev;
        const req = rule.meta.requires;
        if (req && !isConfigured(settings, req) && !layers.some((l) => l.severities.has(rule))) return 'off';
        return sev;
      },
      options(rule) {
        const out: Record<string, unknown> = {};
        for (const [k, o] of Object.entries(rule.meta.options ?? {})) if (o.default !== undefined) out[k] = o.default;
        for (const l of layers) Object.assign(out, l.options.get(rule) ?? {});
        return out;
      },
      shellcheckSeverity(code) {
        let sev: Severity | undefined;
        for (const l of layers) sev = l.scSeverities.get(code.toUpperCase()) ?? sev;
        return sev;
      },
      isIgnored(ruleId, ruleName, aliases) {
        return layers.some((l) => l.ignore.some((k) => matchesKey(k, ruleId, ruleName, aliases)));
      },
    };
  }
}

function isConfigured(s: RuleSettings, key: keyof RuleSettings): boolean {
  const v = s[key];
  if (Array.isArray(v)) return v.length > 0;
  if (typeof v === 'boolean') return v;
  return Object.keys(v).length > 0;
}
