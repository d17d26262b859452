import { isTextLocation } from '../finding.js';
import type { LintResult } from '../engine/result.js';
import type { FormatOptions } from './types.js';

/**
 * Codacy's tool result format (hadolint's `codacy`): one `{filename, patternId, message, line}`
 * object per line. The pattern is the rule's code, as `shipready rules --json` lists it for a
 * Codacy tool definition. Findings about images and run errors name no file and are left out.
 */
export function formatCodacy(result: LintResult, _opts: FormatOptions): string {
  let out = '';
  for (const f of result.findings) {
    const loc = f.location;
    if (!isTextLocation(loc)) continue;
    out += `${JSON.stringify({ filename: loc.file, patternId: f.ruleId, message: f.message, line: loc.line })}\n`;
  }
  return out;
}
