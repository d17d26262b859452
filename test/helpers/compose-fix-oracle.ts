/**
 * An oracle for Compose fixes: lint a project (a file alone, no .env, or files given with it) with
 * every rule on, fix it the way `lint --fix [--unsafe-fixes]` does, and list what the fixes broke:
 * YAML that no longer parses or has another document count, new syntax or schema findings,
 * findings added or fixed findings left, lines changed that no fix touched, a second run that
 * changes a file again, and values (each file loaded as plain data) that differ where no fix meant
 * to change anything.
 */
import { parseAllDocuments } from 'yaml';
import { EffectiveConfig } from '../../src/config/resolve.js';
import { applyComposeFixes, lintCompose, lintComposeAndFix, type ComposeLintOptions } from '../../src/engine/lint-compose.js';
import { RuleRegistry } from '../../src/engine/registry.js';
import type { Finding, Severity } from '../../src/finding.js';
import type { ComposeRule } from '../../src/rules/compose-types.js';
import { composeRules } from '../../src/rules/index.js';
import { droppedLines, touchedLines } from './line-diff.js';

const ROOT = '/oracle/project';

/** The keys of a service each fixable rule may add or change (anything else changing is a breakage). */
const CHANGES: Record<string, { service?: string[]; top?: string[] }> = {
  'cap-drop-all-missing': { service: ['cap_drop'] },
  'no-new-privileges-missing': { service: ['security_opt'] },
  'read-only-missing': { service: ['read_only', 'tmpfs'] },
  'restart-policy-missing': { service: ['restart'] },
  'logging-rotation-missing': { service: ['logging'] },
  'depends-on-not-healthy': { service: ['depends_on'] },
  'database-port-published': { service: ['ports'] },
  'port-unquoted': {},
  'version-obsolete': { top: ['version'] },
};

export interface OracleResult {
  fixes: number;
  passes: number;
  problems: string[];
  /** The files after fixing (relative name -> text). */
  fixed: Record<string, string>;
}

const allRules = composeRules as ComposeRule[];

/** A project of files (relative name -> text); `main` are its inputs, the first file and overrides. */
export interface OracleProject {
  files: Record<string, string>;
  main: string[];
}

function options(project: OracleProject): ComposeLintOptions {
  const registry = new RuleRegistry(allRules);
  const rules: Record<string, Severity> = {};
  for (const r of allRules) rules[r.id] = r.meta.severity === 'off' ? 'warning' : r.meta.severity;
  const eff = new EffectiveConfig({ config: { rules }, path: null, kind: 'default', baseDir: ROOT }, registry);
  return {
    inputs: project.main.map((m) => ({ abs: `${ROOT}/${m}`, display: m })),
    cwd: ROOT,
    env: {},
    readFile: (a) => (a.startsWith(`${ROOT}/`) ? project.files[a.slice(ROOT.length + 1)] : undefined),
    rules: allRules,
    config: eff.forFile(project.main[0]),
    settings: eff.settings,
  };
}

const key = (f: Finding) => `${f.ruleName}: ${f.message}`;
const count = (fs: readonly Finding[]) => {
  const m = new Map<string, number>();
  for (const f of fs) m.set(key(f), (m.get(key(f)) ?? 0) + 1);
  return m;
};

function plain(text: string): { docs: unknown[]; errors: number; oddKeys: number } {
  const docs = parseAllDocuments(text, { merge: true, uniqueKeys: false });
  const list = Array.isArray(docs) ? docs : [docs];
  let errors = 0;
  let oddKeys = 0;
  const values: unknown[] = [];
  for (const d of list) {
    errors += d.errors.length;
    try {
      values.push(d.toJS({ maxAliasCount: -1 }));
      oddKeys += nonStringKeys(d.toJS({ maxAliasCount: -1, mapAsMap: true }));
    } catch { values.push('<unloadable>'); }
  }
  return { docs: values, errors, oddKeys };
}

/** Services' tmpfs paths that a volume of theirs mounts too (Docker refuses a tmpfs where a bind mount is). */
function doubleMounts(doc: unknown): number {
  const services = (doc as { services?: Record<string, Record<string, unknown>> } | null)?.services;
  let n = 0;
  for (const svc of Object.values(services && typeof services === 'object' ? services : {})) {
    if (!svc || typeof svc !== 'object') continue;
    const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : typeof v === 'string' ? [v] : []);
    const targets = list(svc.volumes).map((v) => (typeof v === 'string' ? v.split(':')[v.split(':').length > 1 ? 1 : 0] : (v as { target?: string })?.target));
    for (const t of list(svc.tmpfs)) if (typeof t === 'string' && targets.includes(t.split(':')[0])) n++;
  }
  return n;
}

/** Mapping keys that are no strings (`123:`, `true:`): Compose wants string keys, and plain data hides the difference. */
function nonStringKeys(v: unknown): number {
  if (v instanceof Map) return [...v].reduce((n, [k, x]) => n + (typeof k === 'string' ? 0 : 1) + nonStringKeys(x), 0);
  if (Array.isArray(v)) return v.reduce((n: number, x) => n + nonStringKeys(x), 0);
  return 0;
}

/** Paths where two plain values differ (`a.b.0`), stopping at the first differing level. */
function diffPaths(a: unknown, b: unknown, path: string[] = [], out: string[][] = []): string[][] {
  if (Object.is(a, b)) return out;
  const isObj = (x: unknown) => typeof x === 'object' && x !== null;
  if (!isObj(a) || !isObj(b) || Array.isArray(a) !== Array.isArray(b)) { out.push(path); return out; }
  const ka = Object.keys(a as object);
  const kb = Object.keys(b as object);
  for (const k of new Set([...ka, ...kb])) diffPaths((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], [...path, k], out);
  return out;
}

/** Services named in the messages of a rule's fixes (`Service "x" ...`). */
function allowedPaths(fixedFindings: readonly Finding[]): (p: string[]) => boolean {
  const allowed = new Set<string>();
  for (const f of fixedFindings) {
    const c = CHANGES[f.ruleName];
    if (!c) { allowed.add('*'); continue; }
    const svc = /^Service "([^"]+)"/.exec(f.message)?.[1];
    for (const k of c.service ?? []) if (svc) allowed.add(`services.${svc}.${k}`);
    for (const k of c.top ?? []) allowed.add(k);
  }
  return (p) => allowed.has('*') || allowed.has(p.slice(0, 3).join('.')) || allowed.has(p.slice(0, 1).join('.'));
}

/**
 * Fix a project as `lint --fix` does (with `unsafe`, `--unsafe-fixes`): lint with the fixes
 * checked, apply them, lint again, until nothing changes (lintComposeAndFix's loop, pass by pass
 * so that each pass's edits are known). Then report every breakage, in every file.
 */
export function checkComposeFixes(project: OracleProject, unsafe: boolean): OracleResult {
  const problems: string[] = [];
  const opts = options(project);
  const cur = new Map(Object.entries(project.files));
  const overlay = () => new Map([...cur].map(([k, v]) => [`${ROOT}/${k}`, v]));
  let passes = 0;
  let origFindings: Finding[] | undefined;
  let last: Finding[] = [];
  const fixedFindings: Finding[] = [];
  for (; passes < 10; passes++) {
    const r = lintCompose({ ...opts, texts: overlay(), checkFixes: true });
    origFindings ??= r.findings;
    last = r.findings;
    const chosen = r.findings.filter((f) => f.fix && (unsafe || f.fix.applicability === 'safe'));
    const { texts, applied } = applyComposeFixes(r.project, r.findings, unsafe);
    if (!applied || texts.size === 0) break;
    for (const [abs, next] of texts) {
      const name = abs.slice(ROOT.length + 1);
      const was = cur.get(name)!;
      const edits = chosen.filter((f) => (f.location as { file: string }).file === name).flatMap((f) => f.fix!.edits);
      const touched = touchedLines(was, edits);
      for (const l of droppedLines(was, next)) if (!touched.has(l)) problems.push(`${name}: pass ${passes + 1}: line ${l + 1} changed though no fix touches it: ${JSON.stringify(was.split('\n')[l])}`);
      cur.set(name, next);
    }
    fixedFindings.push(...chosen);
  }
  if (passes === 10) problems.push('fixing did not settle in 10 passes');
  const fixed = Object.fromEntries(cur);
  const changed = Object.keys(project.files).filter((k) => fixed[k] !== project.files[k]);
  if (!changed.length) return { fixes: 0, passes, problems, fixed };

  // Findings (the last pass linted the fixed files): none added, syntax and schema ones included; the fixed ones gone.
  const was = count(origFindings ?? []);
  const now = count(last);
  for (const [k, n] of now) if (n > (was.get(k) ?? 0)) problems.push(`finding added: ${k}`);
  for (const f of fixedFindings) if (now.has(key(f)) && (now.get(key(f)) ?? 0) >= (was.get(key(f)) ?? 0)) problems.push(`finding not fixed: ${key(f)}`);

  // Idempotent: a second --fix, reading the fixed files, changes nothing.
  const second = lintComposeAndFix({ ...options({ ...project, files: fixed }), unsafe, write: false });
  for (const [abs, t] of second.texts) if (t !== fixed[abs.slice(ROOT.length + 1)]) problems.push(`a second --fix changes ${abs.slice(ROOT.length + 1)} again`);

  const ok = allowedPaths(fixedFindings);
  for (const name of changed) {
    // Only the project's own files are fixed: an `extends` base may serve other projects.
    if (!project.main.includes(name)) problems.push(`${name}: changed, though it is no file of the project (an extends base?)`);
    // Valid YAML, as many documents, and only the values the fixes mean to change differ.
    const before = plain(project.files[name]);
    const after = plain(fixed[name]);
    if (after.errors > before.errors) problems.push(`${name}: YAML errors ${before.errors} -> ${after.errors}`);
    if (after.docs.length !== before.docs.length) problems.push(`${name}: documents ${before.docs.length} -> ${after.docs.length}`);
    const doubled = (docs: unknown[]) => docs.reduce((n: number, d) => n + doubleMounts(d), 0);
    if (doubled(after.docs) > doubled(before.docs)) problems.push(`${name}: a tmpfs where a volume is mounted already`);
    if (after.oddKeys > before.oddKeys) problems.push(`${name}: keys that are no strings ${before.oddKeys} -> ${after.oddKeys}`);
    before.docs.forEach((d, i) => {
      for (const p of diffPaths(d, after.docs[i])) if (!ok(p)) problems.push(`${name}: value changed at ${p.join('.') || '<root>'}`);
    });
  }
  return { fixes: fixedFindings.length, passes, problems, fixed };
}

/** A file alone as a project. */
export function checkComposeFile(name: string, text: string, unsafe: boolean): OracleResult {
  return checkComposeFixes({ files: { [name]: text }, main: [name] }, unsafe);
}
