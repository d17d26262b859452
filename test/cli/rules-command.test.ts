import { describe, expect, it } from 'vitest';
import { registry } from '../../src/api.js';
import { listRules } from '../../src/cli/rules-command.js';

describe('shipready rules', () => {
  it('shows at most three aliases per row, so one long list does not widen the table', () => {
    const text = listRules(registry.rules, false);
    const tls = registry.find('DF115')[0];
    expect(tls.aliases.length).toBeGreaterThan(3);
    const row = text.split('\n').find((l) => l.startsWith('DF115 '))!;
    expect(row).toContain(`${tls.aliases.slice(0, 3).join(',')},+${tls.aliases.length - 3}`);
    // The alias column is as wide as its widest cell: three aliases at most.
    const widest = Math.max(...registry.rules.map((r) => r.aliases.slice(0, 3).join(',').length + (r.aliases.length > 3 ? 3 : 0)));
    expect(widest).toBeLessThan(80);
    const aliasStart = row.indexOf(tls.aliases[0]);
    expect(row.slice(aliasStart).indexOf('warning')).toBeLessThanOrEqual(widest + 2);
  });

  it('lists every alias in --json', () => {
    const json = JSON.parse(listRules(registry.rules, true)) as Array<{ id: string; aliases: string[] }>;
    expect(json.find((r) => r.id === 'DF115')!.aliases).toEqual(registry.find('DF115')[0].aliases);
  });
});
