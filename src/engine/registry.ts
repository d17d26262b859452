import type { Rule } from '../rules/types.js';

/** Looks rules up by code, name or alias (case-insensitive). A name may name one rule per target. */
export class RuleRegistry {
  private readonly byKey = new Map<string, Rule<any>[]>();
  constructor(readonly rules: readonly Rule<any>[]) {
    for (const r of rules) {
      for (const k of [r.id, r.name, ...r.aliases]) {
        const key = k.toLowerCase();
        const list = this.byKey.get(key) ?? [];
        if (!list.includes(r)) list.push(r);
        this.byKey.set(key, list);
      }
    }
  }

  /** Rules matching a code, name or alias; empty when unknown. */
  find(key: string): Rule<any>[] {
    return this.byKey.get(key.toLowerCase()) ?? [];
  }

  has(key: string): boolean {
    return this.byKey.has(key.toLowerCase()) || isShellcheckCode(key);
  }

  /** Every code, name and alias, for "did you mean" hints. */
  keys(): string[] {
    const out = new Set<string>();
    for (const r of this.rules) for (const k of [r.id, r.name, ...r.aliases]) out.add(k);
    return [...out];
  }
}

export function isShellcheckCode(key: string): boolean {
  return /^SC\d{4}$/i.test(key);
}

/** Does a code/name/alias given by a user match a finding's rule? */
export function matchesKey(key: string, ruleId: string, ruleName: string, aliases: readonly string[]): boolean {
  const k = key.toLowerCase();
  return k === ruleId.toLowerCase() || k === ruleName.toLowerCase() || aliases.some((a) => a.toLowerCase() === k);
}
