import { describe, expect, it } from 'vitest';
import { EffectiveConfig } from '../../src/config/resolve.js';
import { RuleRegistry } from '../../src/engine/registry.js';
import { applyFixes } from '../../src/engine/fix.js';
import { lintDockerfile } from '../../src/engine/lint-dockerfile.js';
import type { Finding, Severity, TextLocation } from '../../src/finding.js';
import type { DockerfileRule, RuleSettings } from '../../src/rules/types.js';

export interface ExpectedError {
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
  /** Substring the message must contain. */
  message?: string;
}

export interface Case {
  code: string;
  settings?: Partial<RuleSettings>;
  options?: Record<string, unknown>;
  name?: string;
  /** The file's path (default `Dockerfile`). */
  path?: string;
}

export interface InvalidCase extends Case {
  errors: ExpectedError[];
  /** Text after applying this rule's fixes (safe and unsafe). */
  output?: string;
}

/** Lint `code` with only `rule` enabled (forced on even if off by default). */
export function runRule(rule: DockerfileRule, c: Case): Finding[] {
  const registry = new RuleRegistry([rule]);
  const severity: Severity = rule.meta.severity === 'off' ? 'warning' : rule.meta.severity;
  const config = new EffectiveConfig(
    {
      config: { rules: { [rule.id]: c.options ? { severity, options: c.options } : severity }, ...(c.settings ?? {}) },
      path: null,
      kind: 'default',
      baseDir: '.',
    },
    registry,
  );
  const path = c.path ?? 'Dockerfile';
  const r = lintDockerfile(c.code, { displayPath: path, rules: [rule], config: config.forFile(path), settings: config.settings });
  if (r.errors.length) throw new Error(r.errors.map((e) => e.message).join('\n'));
  return r.findings.filter((f) => f.ruleId === rule.id);
}

const loc = (f: Finding) => f.location as TextLocation;

/** Table-driven rule tests: valid cases stay silent, invalid ones fire at exact positions. */
export function ruleTester(rule: DockerfileRule, cases: { valid: Array<string | Case>; invalid: InvalidCase[] }): void {
  describe(`${rule.id} ${rule.name}`, () => {
    cases.valid.forEach((v, i) => {
      const c = typeof v === 'string' ? { code: v } : v;
      it(`valid #${i + 1}${c.name ? `: ${c.name}` : ''}`, () => {
        const found = runRule(rule, c).map((f) => `${loc(f).line}:${loc(f).column} ${f.message}`);
        expect(found).toEqual([]);
      });
    });
    cases.invalid.forEach((c, i) => {
      it(`invalid #${i + 1}${c.name ? `: ${c.name}` : ''}`, () => {
        const found = runRule(rule, c);
        const got = found.map((f) => {
          const l = loc(f);
          return { line: l.line, column: l.column, endLine: l.endLine, endColumn: l.endColumn, message: f.message };
        });
        const want = c.errors.map((e, k) => ({
          line: e.line,
          column: e.column,
          endLine: e.endLine ?? got[k]?.endLine,
          endColumn: e.endColumn ?? got[k]?.endColumn,
          message: e.message ? expect.stringContaining(e.message) : got[k]?.message,
        }));
        expect(got).toEqual(want);
        if (c.output !== undefined) {
          const fixed = applyFixes(c.code, found, true).text;
          expect(fixed).toBe(c.output);
          // (An output equal to the code says the fix is withheld: the finding stays.)
          if (rule.meta.fixable === 'safe' && fixed !== c.code) expect(runRule(rule, { ...c, code: fixed })).toEqual([]);
        }
      });
    });
  });
}
