/** Builds real file trees (files, directories, symlinks) and runs context rules over them. */
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { EffectiveConfig } from '../../src/config/resolve.js';
import { RuleRegistry } from '../../src/engine/registry.js';
import { contextFixedText, lintContext, type ContextLintResult } from '../../src/engine/lint-context.js';
import type { Finding, Severity, TextLocation } from '../../src/finding.js';
import { parseDockerfile } from '../../src/model/dockerfile/parse.js';
import type { ContextRule } from '../../src/rules/context-types.js';

/** path -> content; `null` makes an empty directory; `{ symlink }` a symbolic link to that target. */
export type Tree = Record<string, string | Buffer | null | { symlink: string }>;

const made: string[] = [];
afterAll(() => {
  for (const d of made.splice(0)) rmSync(d, { recursive: true, force: true });
});

export function makeTree(files: Tree): string {
  const root = mkdtempSync(join(tmpdir(), 'shipready-ctx-'));
  made.push(root);
  for (const [p, c] of Object.entries(files)) {
    const abs = join(root, p);
    if (c === null) {
      mkdirSync(abs, { recursive: true });
      continue;
    }
    mkdirSync(dirname(abs), { recursive: true });
    if (typeof c === 'object' && !Buffer.isBuffer(c)) symlinkSync(c.symlink, abs);
    else writeFileSync(abs, c);
  }
  return root;
}

export interface TreeCase {
  name?: string;
  files: Tree;
  /** Dockerfile path inside the tree (default `Dockerfile`). */
  dockerfile?: string;
  /** Context directory inside the tree (default: the Dockerfile's directory). */
  context?: string;
  options?: Record<string, unknown>;
}

export interface ExpectedContextError {
  /** Display path of the file the finding is in (default: the Dockerfile). */
  file?: string;
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
  message?: string;
}

export interface InvalidTreeCase extends TreeCase {
  errors: ExpectedContextError[];
  /** The ignore file's text after applying every fix (safe and unsafe). */
  output?: string;
}

/** Lints the tree's Dockerfile with only `rule` enabled (forced on even if off by default). */
export function runContextRule(rule: ContextRule, c: TreeCase): { findings: Finding[]; result: ContextLintResult; root: string } {
  const root = makeTree(c.files);
  const registry = new RuleRegistry([rule]);
  const severity: Severity = rule.meta.severity === 'off' ? 'warning' : rule.meta.severity;
  const eff = new EffectiveConfig(
    { config: { rules: { [rule.id]: c.options ? { severity, options: c.options } : severity } }, path: null, kind: 'default', baseDir: root },
    registry,
  );
  const dfPath = join(root, c.dockerfile ?? 'Dockerfile');
  const display = c.dockerfile ?? 'Dockerfile';
  const text = String(c.files[display] ?? '');
  const result = lintContext({
    dockerfile: dfPath,
    displayPath: display,
    df: parseDockerfile(display, text),
    contextDir: c.context ? join(root, c.context) : undefined,
    rules: [rule],
    config: eff.forFile(display),
    settings: eff.settings,
    cwd: root,
  });
  if (result.errors.length) throw new Error(result.errors.map((e) => e.message).join('\n'));
  return { findings: result.findings.filter((f) => f.ruleId === rule.id), result, root };
}

const loc = (f: Finding) => f.location as TextLocation;

export function contextRuleTester(rule: ContextRule, cases: { valid: TreeCase[]; invalid: InvalidTreeCase[] }): void {
  describe(`${rule.id} ${rule.name}`, () => {
    cases.valid.forEach((c, i) => {
      it(`valid #${i + 1}${c.name ? `: ${c.name}` : ''}`, () => {
        const { findings } = runContextRule(rule, c);
        expect(findings.map((f) => `${loc(f).file}:${loc(f).line}:${loc(f).column} ${f.message}`)).toEqual([]);
      });
    });
    cases.invalid.forEach((c, i) => {
      it(`invalid #${i + 1}${c.name ? `: ${c.name}` : ''}`, () => {
        const { findings, result } = runContextRule(rule, c);
        const dfDisplay = c.dockerfile ?? 'Dockerfile';
        const got = findings.map((f) => {
          const l = loc(f);
          return { file: l.file, line: l.line, column: l.column, endLine: l.endLine, endColumn: l.endColumn, message: f.message };
        });
        const want = c.errors.map((e, k) => ({
          file: e.file ?? dfDisplay,
          line: e.line,
          column: e.column,
          endLine: e.endLine ?? got[k]?.endLine,
          endColumn: e.endColumn ?? got[k]?.endColumn,
          message: e.message ? expect.stringContaining(e.message) : got[k]?.message,
        }));
        expect(got).toEqual(want);
        if (c.output !== undefined) {
          expect(contextFixedText({ ...result, findings }, { unsafe: true }).text).toBe(c.output);
        }
      });
    });
  });
}
