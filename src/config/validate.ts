import { SEVERITIES, type Severity } from '../finding.js';
import { didYouMean } from '../engine/messages.js';
import { isShellcheckCode, type RuleRegistry } from '../engine/registry.js';
import { FORMAT_NAMES, resolveFormat } from '../formatters/names.js';
import type { OptionSchema } from '../rules/types.js';
import type { ConfigOverride, RuleEntry, ShipreadyConfig } from './types.js';

export const CONFIG_KEYS = ['$schema', 'rules', 'ignore', 'failureThreshold', 'trustedRegistries', 'labelSchema', 'strictLabels', 'disableIgnorePragma', 'shellcheck', 'noFail', 'format', 'overrides'] as const;
export const LABEL_TYPES = ['text', 'url', 'semver', 'hash', 'rfc3339', 'spdx', 'email'];
const THRESHOLDS = [...SEVERITIES.filter((s) => s !== 'off'), 'none'];

/** A validation problem at a config path like `rules.latest-tag`. */
export interface ConfigIssue {
  path: Array<string | number>;
  message: string;
}

// Only the first problem is shown (the rest are counted), so only the first few get a hint: a
// config with thousands of unknown rules would otherwise compare each with every rule name.
const HINTED_ISSUES = 10;

/** ` (did you mean "x"?)` for the closest candidate, or '' (also once there are enough issues). */
function hint(issues: ConfigIssue[], input: string | undefined, candidates: Iterable<string>): string {
  const s = input === undefined || issues.length >= HINTED_ISSUES ? undefined : didYouMean(input, candidates);
  return s ? ` (did you mean "${s}"?)` : '';
}
export const typeOf = (v: unknown): string => (v === null ? 'null' : Array.isArray(v) ? 'a list' : typeof v === 'object' ? 'a mapping' : `a ${typeof v}`);

/**
 * A key as a message shows it: on one line, and cut after 60 characters. (A mapping used as a key
 * arrives as its multi-line text, and an error is one line.)
 */
export function keyText(key: string | number): string {
  const one = String(key).replace(/\s*[\r\n]+\s*/g, ' ');
  return one.length > 60 ? `${one.slice(0, 60)}…` : one;
}

/** Strictly validate a parsed config; every unknown key or rule is an issue with a hint. */
export function validateConfig(raw: unknown, registry: RuleRegistry): { config: ShipreadyConfig; issues: ConfigIssue[] } {
  const issues: ConfigIssue[] = [];
  const out: ShipreadyConfig = {};
  if (raw === null || raw === undefined) return { config: out, issues };
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    issues.push({ path: [], message: `the config must be a mapping, got ${typeOf(raw)}` });
    return { config: out, issues };
  }
  const obj = raw as Record<string, unknown>;
  for (const [key, value] of Object.entries(obj)) {
    const path = [key];
    switch (key) {
      case '$schema':
        break;
      case 'rules':
        out.rules = validateRules(value, path, registry, issues);
        break;
      case 'ignore':
        out.ignore = validateCodes(value, path, registry, issues);
        break;
      case 'failureThreshold':
        if (typeof value !== 'string' || !THRESHOLDS.includes(value)) issues.push({ path, message: `must be one of ${THRESHOLDS.join(', ')}${hint(issues, typeof value === 'string' ? value : undefined, THRESHOLDS)}` });
        else out.failureThreshold = value as Severity | 'none';
        break;
      case 'trustedRegistries':
        out.trustedRegistries = stringList(value, path, issues);
        break;
      case 'labelSchema':
        if (!isMapping(value)) issues.push({ path, message: `must be a mapping of label name to type, got ${typeOf(value)}` });
        else {
          out.labelSchema = {};
          for (const [label, type] of Object.entries(value)) {
            if (typeof type !== 'string' || !LABEL_TYPES.includes(type)) issues.push({ path: [...path, label], message: `label type must be one of ${LABEL_TYPES.join(', ')}${hint(issues, typeof type === 'string' ? type : undefined, LABEL_TYPES)}` });
            else out.labelSchema[label] = type;
          }
        }
        break;
      case 'strictLabels':
      case 'disableIgnorePragma':
      case 'shellcheck':
      case 'noFail':
        if (typeof value !== 'boolean') issues.push({ path, message: `must be true or false, got ${typeOf(value)}` });
        else out[key] = value;
        break;
      case 'format': {
        const format = typeof value === 'string' ? resolveFormat(value) : undefined;
        if (!format) issues.push({ path, message: `must be one of ${FORMAT_NAMES.join(', ')}${hint(issues, typeof value === 'string' ? value : undefined, FORMAT_NAMES)}` });
        else out.format = format;
        break;
      }
      case 'overrides':
        out.overrides = validateOverrides(value, path, registry, issues);
        break;
      default:
        issues.push({ path, message: `unknown key "${keyText(key)}"${hint(issues, key, CONFIG_KEYS)}` });
    }
  }
  return { config: out, issues };
}

function isMapping(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function stringList(v: unknown, path: Array<string | number>, issues: ConfigIssue[]): string[] {
  if (!Array.isArray(v) || !v.every((x) => typeof x === 'string')) {
    issues.push({ path, message: `must be a list of strings, got ${typeOf(v)}` });
    return [];
  }
  return v as string[];
}

function unknownRule(key: string, registry: RuleRegistry, issues: ConfigIssue[]): string {
  return `unknown rule "${keyText(key)}"${hint(issues, key, registry.keys())}`;
}

function validateCodes(v: unknown, path: Array<string | number>, registry: RuleRegistry, issues: ConfigIssue[]): string[] {
  const list = stringList(v, path, issues);
  list.forEach((k, i) => {
    if (!registry.has(k)) issues.push({ path: [...path, i], message: unknownRule(k, registry, issues) });
  });
  return list;
}

function validateRules(v: unknown, path: Array<string | number>, registry: RuleRegistry, issues: ConfigIssue[]): Record<string, RuleEntry> {
  const out: Record<string, RuleEntry> = {};
  if (!isMapping(v)) {
    issues.push({ path, message: `must be a mapping of rule to severity, got ${typeOf(v)}` });
    return out;
  }
  for (const [key, entry] of Object.entries(v)) {
    const p = [...path, key];
    if (!registry.has(key)) {
      issues.push({ path: p, message: unknownRule(key, registry, issues) });
      continue;
    }
    if (typeof entry === 'string') {
      if (!SEVERITIES.includes(entry as Severity)) issues.push({ path: p, message: `severity must be one of ${SEVERITIES.join(', ')}${hint(issues, entry, SEVERITIES)}` });
      else out[key] = entry as Severity;
      continue;
    }
    if (!isMapping(entry)) {
      issues.push({ path: p, message: `must be a severity or { severity, options }, got ${typeOf(entry)}` });
      continue;
    }
    const e: { severity?: Severity; options?: Record<string, unknown> } = {};
    for (const [k, val] of Object.entries(entry)) {
      if (k === 'severity') {
        if (typeof val !== 'string' || !SEVERITIES.includes(val as Severity)) issues.push({ path: [...p, k], message: `severity must be one of ${SEVERITIES.join(', ')}` });
        else e.severity = val as Severity;
      } else if (k === 'options') {
        e.options = validateOptions(key, val, [...p, k], registry, issues);
      } else issues.push({ path: [...p, k], message: `unknown key "${keyText(k)}"${hint(issues, k, ['severity', 'options'])}` });
    }
    out[key] = e;
  }
  return out;
}

function validateOptions(ruleKey: string, v: unknown, path: Array<string | number>, registry: RuleRegistry, issues: ConfigIssue[]): Record<string, unknown> {
  if (!isMapping(v)) {
    issues.push({ path, message: `must be a mapping, got ${typeOf(v)}` });
    return {};
  }
  const schema: Record<string, OptionSchema> = {};
  for (const r of registry.find(ruleKey)) Object.assign(schema, r.meta.options ?? {});
  if (isShellcheckCode(ruleKey)) return v;
  for (const [k, val] of Object.entries(v)) {
    const s = schema[k];
    if (!s) {
      const names = Object.keys(schema);
      issues.push({ path: [...path, k], message: names.length ? `unknown option "${keyText(k)}"${hint(issues, k, names)}; options are ${names.join(', ')}` : `unknown option "${keyText(k)}": this rule has no options` });
      continue;
    }
    const ok = s.type === 'string[]' ? Array.isArray(val) && val.every((x) => typeof x === 'string') : s.type === 'record' ? isMapping(val) : typeof val === s.type;
    if (!ok) issues.push({ path: [...path, k], message: `must be ${s.type === 'string[]' ? 'a list of strings' : s.type === 'record' ? 'a mapping' : `a ${s.type}`}, got ${typeOf(val)}` });
  }
  return v;
}

function validateOverrides(v: unknown, path: Array<string | number>, registry: RuleRegistry, issues: ConfigIssue[]): ConfigOverride[] {
  if (!Array.isArray(v)) {
    issues.push({ path, message: `must be a list of { files, rules, ignore }, got ${typeOf(v)}` });
    return [];
  }
  return v.map((o, i) => {
    const p = [...path, i];
    const out: ConfigOverride = { files: [] };
    if (!isMapping(o)) {
      issues.push({ path: p, message: `must be a mapping, got ${typeOf(o)}` });
      return out;
    }
    for (const [k, val] of Object.entries(o)) {
      if (k === 'files') out.files = stringList(val, [...p, k], issues);
      else if (k === 'rules') out.rules = validateRules(val, [...p, k], registry, issues);
      else if (k === 'ignore') out.ignore = validateCodes(val, [...p, k], registry, issues);
      else issues.push({ path: [...p, k], message: `unknown key "${keyText(k)}"${hint(issues, k, ['files', 'rules', 'ignore'])}` });
    }
    if (out.files.length === 0) issues.push({ path: p, message: 'an override needs a non-empty "files" list' });
    return out;
  });
}
