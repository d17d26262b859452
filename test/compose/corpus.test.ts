import { existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EffectiveConfig } from '../../src/config/resolve.js';
import { lintCompose } from '../../src/engine/lint-compose.js';
import { RuleRegistry } from '../../src/engine/registry.js';
import type { ComposeRule } from '../../src/rules/compose-types.js';
import { composeRules } from '../../src/rules/index.js';

const CORPUS = resolve(import.meta.dirname, '../../../shared/corpus/compose');
const present = existsSync(CORPUS);
/** Compose files in the shared corpus (its `.env` files sit beside them and are not linted). */
const EXPECTED_FILES = 686;

if (!present) console.warn(`NOTICE: ${CORPUS} is absent: the Compose corpus test is skipped`);

describe.skipIf(!present)('compose corpus', () => {
  it('lints every corpus file without internal errors', () => {
    const files = readdirSync(CORPUS).filter((f) => /\.ya?ml$/i.test(f)).sort();
    const registry = new RuleRegistry(composeRules);
    const eff = new EffectiveConfig({ config: {}, path: null, kind: 'default', baseDir: CORPUS }, registry);
    let linted = 0;
    const internal: string[] = [];
    const byRule = new Map<string, number>();
    for (const f of files) {
      const r = lintCompose({
        inputs: [{ abs: join(CORPUS, f), display: f }],
        cwd: CORPUS,
        env: {},
        rules: composeRules as ComposeRule[],
        config: eff.forFile(f),
        settings: eff.settings,
      });
      linted++;
      for (const e of r.errors) if (e.kind === 'internal') internal.push(`${f}: ${e.message}`);
      for (const x of r.findings) byRule.set(x.ruleName, (byRule.get(x.ruleName) ?? 0) + 1);
    }
    expect(internal).toEqual([]);
    expect(linted).toBe(EXPECTED_FILES);
    expect(byRule.get('restart-policy-missing') ?? 0).toBeGreaterThan(100);
  });
});
