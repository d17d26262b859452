import { relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EffectiveConfig } from '../../src/config/resolve.js';
import { applyComposeFixes, lintCompose, type ComposeLintResult } from '../../src/engine/lint-compose.js';
import { RuleRegistry } from '../../src/engine/registry.js';
import type { Finding, Severity, TextLocation } from '../../src/finding.js';
import type { ComposeRule } from '../../src/rules/compose-types.js';
import { composeRules } from '../../src/rules/index.js';

/** Virtual project root: files of a case live under it. */
export const ROOT = '/virtual/project';

export interface ComposeCase {
  /** The main file's text (compose.yaml). */
  code?: string;
  /** Other files by path relative to the project root (overrides, extends targets, Dockerfiles, .env). */
  files?: Record<string, string>;
  /** The project's files, main first (default: compose.yaml). */
  main?: string[];
  env?: Record<string, string>;
  options?: Record<string, unknown>;
  name?: string;
}

export interface ExpectedFinding {
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
  /** File of the finding (default compose.yaml). */
  file?: string;
  message?: string;
}

export interface ComposeInvalidCase extends ComposeCase {
  errors: ExpectedFinding[];
  /** Main file text after applying this rule's fixes (safe and unsafe). */
  output?: string;
  /** Texts of other files after fixes, by relative path. */
  outputs?: Record<string, string>;
}

export function virtualFiles(c: ComposeCase): Map<string, string> {
  const files = new Map<string, string>();
  if (c.code !== undefined) files.set(`${ROOT}/compose.yaml`, c.code);
  for (const [k, v] of Object.entries(c.files ?? {})) files.set(`${ROOT}/${k}`, v);
  return files;
}

/** Lint a virtual project with the given rules (all compose rules by default), forcing them on. */
export function runCompose(c: ComposeCase, rules: readonly ComposeRule[] = composeRules as ComposeRule[], extraFiles?: Map<string, string>): ComposeLintResult {
  const files = extraFiles ?? virtualFiles(c);
  const registry = new RuleRegistry(rules);
  const ruleCfg: Record<string, Severity | { severity: Severity; options: Record<string, unknown> }> = {};
  for (const r of rules) {
    const severity: Severity = r.meta.severity === 'off' ? 'warning' : r.meta.severity;
    ruleCfg[r.id] = c.options ? { severity, options: c.options } : severity;
  }
  const config = new EffectiveConfig({ config: { rules: ruleCfg }, path: null, kind: 'default', baseDir: ROOT }, registry);
  const main = c.main ?? ['compose.yaml'];
  return lintCompose({
    inputs: main.map((m) => ({ abs: `${ROOT}/${m}`, display: m })),
    cwd: ROOT,
    env: c.env ?? {},
    readFile: (abs) => files.get(abs),
    rules,
    config: config.forFile(main[0]),
    settings: config.settings,
  });
}

export function findingsOf(rule: ComposeRule, c: ComposeCase): Finding[] {
  const r = runCompose(c, [rule]);
  if (r.errors.length) throw new Error(r.errors.map((e) => e.message).join('\n'));
  return r.findings.filter((f) => f.ruleId === rule.id);
}

const loc = (f: Finding) => f.location as TextLocation;

/** Apply the rule's fixes (safe and unsafe) to a virtual project until nothing changes; returns the new texts. */
export function fixCompose(rule: ComposeRule, c: ComposeCase, unsafe = true): Map<string, string> {
  const files = virtualFiles(c);
  for (let pass = 0; pass < 10; pass++) {
    const r = runCompose(c, [rule], files);
    const { texts, applied } = applyComposeFixes(r.project, r.findings, unsafe);
    if (!applied) break;
    for (const [k, v] of texts) files.set(k, v);
  }
  return files;
}

/** Table-driven Compose rule tests: valid cases stay silent, invalid ones fire at exact positions. */
export function composeRuleTester(rule: ComposeRule, cases: { valid: Array<string | ComposeCase>; invalid: ComposeInvalidCase[] }): void {
  describe(`${rule.id} ${rule.name}`, () => {
    cases.valid.forEach((v, i) => {
      const c = typeof v === 'string' ? { code: v } : v;
      it(`valid #${i + 1}${c.name ? `: ${c.name}` : ''}`, () => {
        expect(findingsOf(rule, c).map((f) => `${loc(f).file}:${loc(f).line}:${loc(f).column} ${f.message}`)).toEqual([]);
      });
    });
    cases.invalid.forEach((c, i) => {
      it(`invalid #${i + 1}${c.name ? `: ${c.name}` : ''}`, () => {
        const found = findingsOf(rule, c);
        const got = found.map((f) => {
          const l = loc(f);
          return { file: l.file, line: l.line, column: l.column, endLine: l.endLine, endColumn: l.endColumn, message: f.message };
        });
        const want = c.errors.map((e, k) => ({
          file: e.file ?? 'compose.yaml',
          line: e.line,
          column: e.column,
          endLine: e.endLine ?? got[k]?.endLine,
          endColumn: e.endColumn ?? got[k]?.endColumn,
          message: e.message ? expect.stringContaining(e.message) : got[k]?.message,
        }));
        expect(got).toEqual(want);
        if (c.output !== undefined || c.outputs) {
          const fixed = fixCompose(rule, c);
          if (c.output !== undefined) expect(fixed.get(`${ROOT}/compose.yaml`)).toBe(c.output);
          for (const [k, v] of Object.entries(c.outputs ?? {})) expect(fixed.get(`${ROOT}/${k}`), k).toBe(v);
          const after: ComposeCase = { ...c, code: undefined, files: Object.fromEntries([...fixed].map(([k, v]) => [relative(ROOT, k), v])) };
          if (rule.meta.fixable === 'safe') expect(findingsOf(rule, after).filter((f) => f.fix)).toEqual([]);
        }
      });
    });
  });
}
