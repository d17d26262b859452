/**
 * Image engine: run every enabled image rule (IM...) over one merged image model and turn reports
 * into findings with the same severity, ignore and fingerprint behaviour as the other engines.
 * Images carry no comments, so there are no inline suppressions: the config's `ignore`, rule
 * severities and `overrides` (matched against the image's display name) are the ways to silence a rule.
 */
import type { FileConfig } from '../config/resolve.js';
import type { Finding, ImageLocation, RunError } from '../finding.js';
import type { ImageModel } from '../model/image/types.js';
import type { ImageReportDescriptor, ImageRule, ImageRuleContext } from '../rules/image-types.js';
import type { RuleSettings } from '../rules/types.js';
import { compareStrings } from '../compare.js';
import { Fingerprinter } from './fingerprint.js';
import { formatMessage } from './messages.js';

/**
 * dive-style CI thresholds from the command line (`--max-wasted-bytes`, `--min-efficiency`,
 * `--max-user-wasted-percent`). They override the options of every rule that declares the matching
 * option (the `wasted-space` rule), above the config file. 0 disables a threshold.
 */
export interface WasteThresholds {
  /** Bytes a rebuild could drop before the image fails (option `max-wasted-bytes`). */
  maxWastedBytes?: number;
  /** Lowest acceptable efficiency, 0..1 (option `min-efficiency`). */
  minEfficiency?: number;
  /** Highest acceptable reclaimable share of the user layers, 0..1 or a percentage above 1 (option `max-user-wasted-percent`). */
  maxUserWastedPercent?: number;
  /** Absolute floor: below it the ratio thresholds never fire (option `min-wasted-bytes`). */
  minWastedBytes?: number;
}

export interface ImageLintOptions {
  rules: readonly ImageRule[];
  /** The configuration for this image (`EffectiveConfig.forFile(<image display name>)`). */
  config: FileConfig;
  settings: RuleSettings;
  thresholds?: WasteThresholds;
}

export interface ImageLintResult {
  findings: Finding[];
  errors: RunError[];
}

const THRESHOLD_OPTIONS: Record<keyof WasteThresholds, string> = {
  maxWastedBytes: 'max-wasted-bytes',
  minEfficiency: 'min-efficiency',
  maxUserWastedPercent: 'max-user-wasted-percent',
  minWastedBytes: 'min-wasted-bytes',
};

/** Rule options with the command-line thresholds applied on top (only options the rule declares). */
function optionsFor(rule: ImageRule, config: FileConfig, thresholds: WasteThresholds | undefined): Record<string, unknown> {
  const options = config.options(rule);
  if (!thresholds) return options;
  const declared = rule.meta.options ?? {};
  for (const [k, name] of Object.entries(THRESHOLD_OPTIONS) as Array<[keyof WasteThresholds, string]>) {
    const v = thresholds[k];
    if (v !== undefined && name in declared) options[name] = v;
  }
  return options;
}

/** The layer as findings show it: its short display id, or its index when the model has none. */
export function layerLabel(model: ImageModel, index: number): string {
  const layer = model.layers[index];
  return layer?.id ? layer.id : String(index);
}

/** Run the rules over one image. Never throws for a rule's bug: it becomes an internal error. */
export function lintImage(model: ImageModel, opts: ImageLintOptions): ImageLintResult {
  const findings: Finding[] = [];
  const errors: RunError[] = [];
  const fp = new Fingerprinter();
  // Reports are sorted by rule, then by layer and path; keep the rule's own order otherwise.
  const order = new Map<Finding, { layer: number; seq: number }>();

  const emit = (rule: ImageRule, d: ImageReportDescriptor): void => {
    const aliases = rule.aliases;
    if (opts.config.isIgnored(rule.id, rule.name, aliases)) return;
    const severity = d.severity ?? opts.config.severity(rule);
    if (severity === 'off') return;
    const location: ImageLocation = { image: model.name };
    if (d.layer !== undefined) location.layer = layerLabel(model, d.layer);
    if (d.path !== undefined) location.path = d.path;
    if (d.field !== undefined) location.field = d.field;
    const template = rule.meta.messages[d.messageId] ?? d.messageId;
    // Layer ids change with every rebuild below them: identity is path, field and key only.
    const snippet = `${d.path ?? ''}\0${d.field ?? ''}\0${d.key ?? ''}`;
    const finding: Finding = {
      ruleId: rule.id,
      ruleName: rule.name,
      aliases,
      severity,
      message: formatMessage(template, d.data),
      location,
      fingerprint: fp.make(rule.id, model.name, snippet),
    };
    findings.push(finding);
    order.set(finding, { layer: d.layer ?? -1, seq: order.size });
  };

  for (const rule of opts.rules) {
    if (opts.config.severity(rule) === 'off') continue;
    const ctx: ImageRuleContext = {
      image: model,
      options: optionsFor(rule, opts.config, opts.thresholds),
      settings: opts.settings,
      report: (d) => emit(rule, d),
    };
    try {
      rule.check(ctx);
    } catch (e) {
      errors.push({ file: model.name, kind: 'internal', message: `rule ${rule.id} (${rule.name}) crashed: ${(e as Error).message}` });
    }
  }
  findings.sort((a, b) => {
    const oa = order.get(a)!;
    const ob = order.get(b)!;
    return compareStrings(a.ruleId, b.ruleId) || oa.layer - ob.layer || compareStrings(pathOf(a), pathOf(b)) || oa.seq - ob.seq;
  });
  return { findings, errors };
}

const pathOf = (f: Finding): string => (f.location as ImageLocation).path ?? '';
