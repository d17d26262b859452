import type { Severity } from '../finding.js';
import { didYouMean } from '../engine/messages.js';
import { resolveFormat } from '../formatters/names.js';
import type { RuleRegistry } from '../engine/registry.js';
import type { RuleEntry, ShipreadyConfig } from './types.js';
import { keyText, LABEL_TYPES, type ConfigIssue } from './validate.js';

const KEYS = ['ignored', 'override', 'failure-threshold', 'no-fail', 'no-color', 'format', 'formats', 'verbose', 'trustedRegistries', 'label-schema', 'strict-labels', 'disable-ignore-pragma'];
const LEVELS: Record<string, Severity> = { error: 'error', warning: 'warning', info: 'info', style: 'style' };

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
        if (typeof value !== 'object' || value === null) { issues.push({ path: [key], message: 'must be a mapping of level to codes' }); break; }
        // hadolint: when a code is listed under several levels, error wins; apply weakest first.
        for (const level of ['style', 'info', 'warning', 'error']) {
          const codes = (value as Record<string, unknown>)[level];
          if (codes === undefined) continue;
          if (!Array.isArray(codes)) { issues.push({ path: [key, level], message: 'must be a list of rule codes' }); continue; }
          for (const c of codes) if (registry.has(String(c))) rules[String(c)] = LEVELS[level];
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
        config.noFail = value === true;
        break;
      case 'trustedRegistries':
        config.trustedRegistries = Array.isArray(value) ? value.map(String) : [];
        break;
      case 'label-schema':
        config.labelSchema = {};
        for (const [label, type] of Object.entries((value ?? {}) as Record<string, unknown>)) {
          if (!LABEL_TYPES.includes(String(type))) issues.push({ path: [key, label], message: `label type must be one of ${LABEL_TYPES.join(', ')}` });
          else config.labelSchema[label] = String(type);
        }
        break;
      case 'strict-labels':
        config.strictLabels = value === true;
        break;
      case 'disable-ignore-pragma':
        config.disableIgnorePragma = value === true;
        break;
      case 'format': {
        // Every hadolint format has a shipready counterpart (tty and gitlab_codeclimate by name).
        const format = typeof value === 'string' ? resolveFormat(value) : undefined;
        if (format) config.format = format;
        break;
      }
      case 'no-color':
      case 'verbose':
      case 'formats':
        break; // output settings: the CLI decides
      default: {
        const s = didYouMean(key, KEYS);
        issues.push({ path: [key], message: `unknown hadolint key "${keyText(key)}"${s ? ` (did you mean "${s}"?)` : ''}` });
      }
    }
  }
  if (Object.keys(rules).length) config.rules = rules;
  return { config, issues };
}
