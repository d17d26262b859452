import type { LintResult } from '../engine/result.js';

export interface FormatOptions {
  /** Emit ANSI colours (text format only). */
  color: boolean;
  /** Working directory the display paths are relative to (absolute). */
  cwd: string;
  /** shipready's version, reported as the tool version. */
  version: string;
  /** File display path -> file text, for code frames and fixes. */
  sources?: Map<string, string>;
}

/** Turns a lint result into the text written to stdout. Pure: no I/O, no exit. */
export type Formatter = (result: LintResult, opts: FormatOptions) => string;
