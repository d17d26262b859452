// The lint command's options beyond the run itself: where reports go, hadolint's rule and label
// flags, --file-path-in-report and -V.
import { statSync, writeFileSync } from 'node:fs';
import type { ShipreadyConfig } from '../config/types.js';
import type { RuleSet } from '../engine/lint-paths.js';
import type { LintResult } from '../engine/result.js';
import { didYouMean } from '../engine/messages.js';
import { writeFileAtomically } from '../engine/write.js';
import { isTextLocation, type Severity } from '../finding.js';
import { UsageError } from './args.js';

/**
 * The reports a run writes, from -f and -o in command-line order: each -o FILE takes the -f
 * before it (an -o before every -f takes the first), and a format without an -o goes to stdout.
 */
export function reportTargets(order: Array<{ name: string; value: string | boolean }>): Array<{ format?: string; file?: string }> {
  const reports: Array<{ format?: string; file?: string }> = [];
  let early: string | undefined;
  for (const { name, value } of order) {
    if (name === 'format') reports.push({ format: String(value) });
    if (name !== 'output') continue;
    if (value === '') throw new UsageError('-o needs a file name');
    const last = reports[reports.length - 1];
    if (last ? last.file !== undefined : early !== undefined) throw new UsageError(`-o ${value}: each -o FILE needs a -f FORMAT of its own before it`);
    if (last) last.file = String(value);
    else early = String(value);
  }
  if (reports.length === 0) reports.push({});
  if (early !== undefined) {
    if (reports[0].file !== undefined) throw new UsageError(`-o ${early}: each -o FILE needs a -f FORMAT of its own before it`);
    reports[0].file = early;
  }
  const toStdout = reports.filter((r) => r.file === undefined);
  if (toStdout.length > 1) throw new UsageError(`formats ${toStdout.map((r) => r.format).join(' and ')} would both go to standard output; give all but one of them an -o FILE`);
  const files = reports.map((r) => r.file).filter((f): f is string => f !== undefined);
  const twice = files.find((f, i) => files.indexOf(f) !== i);
  if (twice !== undefined) throw new UsageError(`-o ${twice} is given for two formats`);
  return reports;
}

/** hadolint's rule and label flags, as config settings (checked here, where the flag can be named). */
export async function commandLineConfig(flags: Map<string, string | boolean | string[]>, rules: RuleSet): Promise<ShipreadyConfig> {
  const config: ShipreadyConfig = {};
  const levels: Record<string, Severity> = {};
  // hadolint: a rule named under several levels gets the most severe.
  for (const level of ['style', 'info', 'warning', 'error'] as const) {
    const keys = flags.get(level) as string[] | undefined;
    if (!keys?.length) continue;
    const registry = await rules.registry();
    for (const k of keys) {
      if (!registry.has(k)) {
        const hint = didYouMean(k, registry.keys());
        throw new UsageError(`unknown rule "${k}" in --${level}${hint ? ` (did you mean ${hint}?)` : ''}`);
      }
      levels[k] = level;
    }
  }
  if (Object.keys(levels).length) config.rules = levels;
  const registries = flags.get('trusted-registry') as string[] | undefined;
  if (registries?.length) config.trustedRegistries = registries;
  const labels = flags.get('require-label') as string[] | undefined;
  if (labels?.length) {
    const { LABEL_TYPES } = await import('../config/validate.js');
    config.labelSchema = {};
    for (const entry of labels) {
      const colon = entry.lastIndexOf(':');
      const [name, type] = colon > 0 ? [entry.slice(0, colon), entry.slice(colon + 1)] : [entry, ''];
      if (!LABEL_TYPES.includes(type)) throw new UsageError(`--require-label ${entry}: give NAME:TYPE, the type one of ${LABEL_TYPES.join(', ')}`);
      config.labelSchema[name] = type;
    }
  }
  if (flags.has('strict-labels')) config.strictLabels = flags.get('strict-labels') === true;
  if (flags.has('disable-ignore-pragma')) config.disableIgnorePragma = flags.get('disable-ignore-pragma') === true;
  return config;
}

/** A report file is replaced whole; a device or pipe (`-o /dev/stdout`) is written to. */
export function writeReport(file: string, text: string): void {
  let special = false;
  try {
    special = !statSync(file).isFile();
  } catch {
    // Not there yet: a new file.
  }
  if (special) writeFileSync(file, text);
  else writeFileAtomically(file, text);
}

const WRITE_PROBLEMS: Record<string, string> = { ENOENT: 'its directory does not exist', ENOTDIR: 'its directory does not exist', EISDIR: 'it is a directory', EACCES: 'permission denied', EPERM: 'permission denied', EROFS: 'read-only file system', ENOSPC: 'no space left on the device' };

/** Why a report could not be written, in words (the temporary file it was written through is not the user's business). */
export function writeProblem(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  return (code && WRITE_PROBLEMS[code]) ?? code ?? String((e as Error).message ?? e);
}

/** --file-path-in-report: the one linted file is reported under another path (for runs in a container). */
export function renameReportedFile(result: LintResult, sources: Map<string, string>, to: string): void {
  if (result.files.length !== 1) throw new UsageError(`--file-path-in-report renames the one file a run lints; this run linted ${result.files.length} files`);
  const from = result.files[0];
  result.files = [to];
  for (const f of result.findings) if (isTextLocation(f.location) && f.location.file === from) f.location = { ...f.location, file: to };
  for (const e of result.errors) if (e.file === from) e.file = to;
  const text = sources.get(from);
  sources.clear();
  if (text !== undefined) sources.set(to, text);
}

/** -V: which config a run used and the settings in effect, for stderr. */
export function describeConfig(config: LintResult['config'], withCommandLine: boolean): string {
  if (!config) return '';
  const kind = config.kind === 'hadolint' ? 'a hadolint config' : 'a shipready config';
  const source = config.file ? `${config.file} (${kind})` : config.kind === 'hadolint' ? "none (hadolint's environment variables)" : 'none (defaults)';
  return `shipready: config: ${source}${withCommandLine ? ', with command-line settings' : ''}\nshipready: settings: ${JSON.stringify(config.settings)}\n`;
}
