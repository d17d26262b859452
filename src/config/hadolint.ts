import type { Severity } from '../finding.js';
import { didYouMean } from '../engine/messages.js';
import type { RuleRegistry } from '../engine/registry.js';
import type { RuleEntry, ShipreadyConfig } from './types.js';
import { keyText, LABEL_TYPES, typeOf, type ConfigIssue } from './validate.js';
import { FORMAT_ALIASES, FORMAT_NAMES, resolveFormat } from '../formatters/names.js';
import { table } from '../table.js';

const KEYS = ['ignored', 'override', 'failure-threshold', 'no-fail', 'no-color', 'format', 'formats', 'verbose', 'trustedRegistries', 'label-schema', 'strict-labels', 'disable-ignore-pragma'];
const LEVELS = table<Severity>({ error: 'error', warning: 'warning', info: 'info', style: 'style' });

/**
 * Map a `.hadolint.yaml` onto shipready's config through rule aliases. DL/SC codes that shipready
 * does not implement (removed hadolint rules) are accepted and have no effect.
 */
export function fromHadolint(raw: unknown, registry: RuleRegistry): { config: ShipreadyConfig; issues: ConfigIssue[] } {
  const issues: ConfigIssue[] = [];
  const config: ShipreadyConfig = {};
  if (raw === null || raw === undefined) return { config, issues };
  if (typeof raw !== 'object' || Array.isArray(raw)) return { config, issues: [{ path: [], message: 'the config must be a mapping' }] };
  const rules: Record<string, RuleEntry> = {};
  const known = (code: string) => registry.has(code) || /^(DL|SC)\d{4}$/i.test(code);
  for (const [key, value] of Object.entries(raw as Record<string, unknown>)) {
    switch (key) {
      case 'ignored':
        if (!Array.isArray(value)) issues.push({ path: [key], message: 'must be a list of rule codes' });
        else {
          config.ignore = value.map(String);
          value.forEach((c, i) => { if (!known(String(c))) issues.push({ path: [key, i], message: `unknown rule "${keyText(String(c))}"` }); });
        }
        break;
      case 'override':
        if (typeof value !== 'object' || value === null || Array.isArray(value)) { issues.push({ path: [key], message: 'must be a mapping of level to codes' }); break; }
        // hadolint: when a code is listed under several levels, error wins; apply weakest first.
        for (const level of ['style', 'info', 'warning', 'error']) {
          const codes = (value as Record<string, unknown>)[level];
          if (codes === undefined) continue;
          if (!Array.isArray(codes)) { issues.push({ path: [key, level], message: 'must be a list of rule codes' }); continue; }
          // A misspelt code would leave the rule at its default level without a word, as in `ignored`.
          codes.forEach((c, i) => {
            if (registry.has(String(c))) rules[String(c)] = LEVELS[level];
            else if (!known(String(c))) issues.push({ path: [key, level, i], message: `unknown rule "${keyText(String(c))}"` });
          });
        }
        for (const level of Object.keys(value as object)) if (!LEVELS[level]) issues.push({ path: [key, level], message: `unknown level "${level}"` });
        break;
      case 'failure-threshold': {
        const v = String(value);
        if (v === 'none' || v === 'ignore') config.failureThreshold = 'style';
        else if (LEVELS[v]) config.failureThreshold = LEVELS[v];
        else issues.push({ path: [key], message: 'must be one of error, warning, info, style, ignore, none' });
        break;
      }
      case 'no-fail':
        if (bool(key, value, issues)) config.noFail = value;
        break;
      case 'trustedRegistries':
        if (Array.isArray(value) && value.every((v) => typeof v === 'string')) config.trustedRegistries = value;
        else issues.push({ path: [key], message: `must be a list of registry names, got ${typeOf(value)}` });
        break;
      case 'label-schema':
        if (value !== null && (typeof value !== 'object' || Array.isArray(value))) { issues.push({ path: [key], message: `must be a mapping of label name to type, got ${typeOf(value)}` }); break; }
        config.labelSchema = {};
        for (const [label, type] of Object.entries((value ?? {}) as Record<string, unknown>)) {
          if (!LABEL_TYPES.includes(String(type))) issues.push({ path: [key, label], message: `label type must be one of ${LABEL_TYPES.join(', ')}` });
          else config.labelSchema[label] = String(type);
        }
        break;
      case 'strict-labels':
        if (bool(key, value, issues)) config.strictLabels = value;
        break;
      case 'disable-ignore-pragma':
        if (bool(key, value, issues)) config.disableIgnorePragma = value;
        break;
      case 'format': {
        // Every hadolint format has a shipready counterpart (tty and gitlab_codeclimate by name).
        const format = typeof value === 'string' ? resolveFormat(value) : undefined;
        if (format) config.format = format;
        else issues.push({ path: [key], message: `must be one of ${[...FORMAT_NAMES, ...FORMAT_ALIASES].join(', ')}` });
        break;
      }
      case 'no-color':
      case 'verbose':
        bool(key, value, issues);
        break; // output settings: the CLI decides
      case 'formats':
        break;
      default: {
        const s = didYouMean(key, KEYS);
        issues.push({ path: [key], message: `unknown hadolint key "${keyText(key)}"${s ? ` (did you mean "${s}"?)` : ''}` });
      }
    }
  }
  if (Object.keys(rules).length) config.rules = rules;
  return { config, issues };
}

/**
 * Is a flag's value a boolean? Else an issue: hadolint would reject the file, and reading `"yes"`
 * or `1` as false would quietly do the opposite of what was meant.
 */
function bool(key: string, value: unknown, issues: ConfigIssue[]): value is boolean {
  if (typeof value === 'boolean') return true;
  issues.push({ path: [key], message: `must be true or false, got ${typeOf(value)}` });
  return false;
}
