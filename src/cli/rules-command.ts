import { compareStrings } from '../compare.js';
import { isRetiredHadolintCode, type RuleRegistry } from '../engine/registry.js';
import type { Rule } from '../rules/types.js';
import { UsageError } from './args.js';
import { didYouMean } from '../engine/messages.js';

/** `shipready rules`: one line per rule. */
export function listRules(rules: readonly Rule<any>[], json: boolean): string {
  if (json) {
    return JSON.stringify(rules.map((r) => ({ id: r.id, name: r.name, aliases: r.aliases, target: r.meta.target, severity: r.meta.severity, fixable: r.meta.fixable, summary: r.meta.docs.summary })), null, 2) + '\n';
  }
  const rows = [...rules].sort((a, b) => compareStrings(a.id, b.id)).map((r) => [r.id, r.name, aliasCell(r.aliases), r.meta.severity, r.meta.fixable ?? '', r.meta.docs.summary]);
  const w = [0, 1, 2, 3, 4].map((i) => Math.max(...rows.map((r) => r[i].length)));
  return rows.map((r) => r.map((c, i) => (i < 5 ? c.padEnd(w[i]) : c)).join('  ').trimEnd()).join('\n') + `\n${rules.length} rules\n`;
}

/** A rule's aliases in the table: at most three, so one long list (Checkov's) does not widen every row (`--json` and `explain` list all). */
function aliasCell(aliases: readonly string[]): string {
  if (aliases.length === 0) return '-';
  return aliases.length <= 3 ? aliases.join(',') : `${aliases.slice(0, 3).join(',')},+${aliases.length - 3}`;
}

/** `shipready explain <rule>`: the rule's documentation as text. */
export function explainRule(registry: RuleRegistry, key: string): string {
  const found = registry.find(key);
  if (found.length === 0) {
    if (isRetiredHadolintCode(key)) throw new UsageError(`${key.toUpperCase()} is a rule hadolint removed; no rule checks it, and ignoring it does nothing`);
    const hint = didYouMean(key, registry.keys());
    throw new UsageError(`unknown rule "${key}"${hint ? ` (did you mean "${hint}"?)` : ''}`);
  }
  return found.map((r) => {
    const d = r.meta.docs;
    const indent = (s: string) => s.trimEnd().split('\n').map((l) => `    ${l}`).join('\n');
    return [
      `${r.id} ${r.name}${r.aliases.length ? ` (${r.aliases.join(', ')})` : ''}`,
      `target: ${r.meta.target}  severity: ${r.meta.severity}  category: ${r.meta.category}  fix: ${r.meta.fixable ?? 'none'}`,
      '',
      d.summary,
      '',
      d.why,
      '',
      'Bad:',
      indent(d.bad),
      '',
      'Good:',
      indent(d.good),
      '',
    ].join('\n');
  }).join('\n');
}
