import type { Rule } from '../rules/types.js';

export const REPO_URL = 'https://github.com/shipready/shipready';

/** Repository-relative path of a rule's generated documentation page. */
export function ruleDocPath(rule: Pick<Rule<any>, 'id' | 'name'>): string {
  return `docs/rules/${rule.id}-${rule.name}.md`;
}

export function ruleDocUrl(rule: Pick<Rule<any>, 'id' | 'name'>): string {
  return `${REPO_URL}/blob/main/${ruleDocPath(rule)}`;
}
