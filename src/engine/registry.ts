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

  /** A key a config or flag may name: a rule's, a ShellCheck code, or a code hadolint retired (which names nothing). */
  has(key: string): boolean {
    return this.byKey.has(key.toLowerCase()) || isShellcheckCode(key) || isRetiredHadolintCode(key);
  }

  /** Every code, name and alias, for "did you mean" hints. */
  keys(): string[] {
    const out = new Set<string>();
    for (const r of this.rules) for (const k of [r.id, r.name, ...r.aliases]) out.add(k);
    return [...out];
  }
}

/**
 * Rules hadolint removed (upgrade advice), still in many `--ignore` lists and pragmas: accepted
 * anywhere a rule is named and matched by nothing, as hadolint now treats them; an error would
 * break those scripts, and its did-you-mean would point at an unrelated rule (DL3005 -> DL3015).
 */
const RETIRED_HADOLINT_CODES = new Set(['DL3005', 'DL3017', 'DL3031', 'DL3039']);

export function isRetiredHadolintCode(key: string): boolean {
  return RETIRED_HADOLINT_CODES.has(key.toUpperCase());
}

export function isShellcheckCode(key: string): boolean {
  return /^SC\d{4}$/i.test(key);
}

/** Does a code/name/alias given by a user match a finding's rule? */
export function matchesKey(key: string, ruleId: string, ruleName: string, aliases: readonly string[]): boolean {
  const k = key.toLowerCase();
  return k === ruleId.toLowerCase() || k === ruleName.toLowerCase() || aliases.some((a) => a.toLowerCase() === k);
}
