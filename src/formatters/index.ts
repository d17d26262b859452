import type { LintResult } from '../engine/result.js';
import { formatCheckstyle } from './checkstyle.js';
import { formatCodacy } from './codacy.js';
import { formatGithub } from './github.js';
import { formatCodeclimate, formatGitlab } from './gitlab.js';
import { formatGnu } from './gnu.js';
import { formatJson } from './json.js';
import { formatJunit } from './junit.js';
import { formatSarif } from './sarif.js';
import { formatRdjson, formatRdjsonl } from './rdjson.js';
import { formatSonarqube } from './sonarqube.js';
import { formatText } from './text.js';
import { FORMAT_NAMES, type FormatName } from './names.js';
import type { FormatOptions, Formatter } from './types.js';

export type { FormatOptions, Formatter } from './types.js';

const FORMATTERS = {
  text: formatText,
  json: formatJson,
  sarif: formatSarif,
  github: formatGithub,
  checkstyle: formatCheckstyle,
  gitlab: formatGitlab,
  junit: formatJunit,
  gnu: formatGnu,
  sonarqube: formatSonarqube,
  codeclimate: formatCodeclimate,
  codacy: formatCodacy,
  rdjson: formatRdjson,
  rdjsonl: formatRdjsonl,
} satisfies Record<FormatName, Formatter>;

export { FORMATS_FOR_RUNNERS, resolveFormat, type FormatName } from './names.js';

/** Output format names, the default (`text`) first. */
export const FORMATS: readonly string[] = FORMAT_NAMES;


export function isFormat(name: string): name is FormatName {
  return Object.prototype.hasOwnProperty.call(FORMATTERS, name);
}

/** Render a lint result; throws for an unknown format name (the message lists the valid ones). */
export function formatResult(name: string, result: LintResult, opts: FormatOptions): string {
  if (!isFormat(name)) throw new Error(`Unknown output format "${name}"; valid formats: ${FORMATS.join(', ')}`);
  return FORMATTERS[name](result, opts);
}
