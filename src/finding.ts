/** Severity levels, weakest first. `off` disables a rule. `style` mirrors hadolint's lowest level. */
export type Severity = 'off' | 'style' | 'info' | 'warning' | 'error';
export const SEVERITIES: readonly Severity[] = ['off', 'style', 'info', 'warning', 'error'];
export function severityRank(s: Severity): number {
  return SEVERITIES.indexOf(s);
}

/** A text span in a file; 1-based, `endColumn` is exclusive (SARIF convention). */
export interface TextLocation {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/** A logical location inside a built image (image issue). */
export interface ImageLocation {
  image: string;
  layer?: string;
  path?: string;
  field?: string;
}

export type Location = TextLocation | ImageLocation;

export function isTextLocation(l: Location): l is TextLocation {
  return (l as TextLocation).line !== undefined;
}

/** Replace source[start, end) with text. Offsets are UTF-16 indices into the file's text. */
export interface Edit {
  start: number;
  end: number;
  text: string;
}

export interface Fix {
  title: string;
  applicability: 'safe' | 'unsafe';
  edits: Edit[];
  /** The file the edits apply to, when it is not the finding's own file (e.g. `.dockerignore` for a COPY finding). */
  file?: string;
}

export interface Finding {
  ruleId: string;
  ruleName: string;
  aliases: string[];
  severity: Exclude<Severity, 'off'>;
  message: string;
  location: Location;
  fix?: Fix;
  fingerprint: string;
}

/** Problems that are not findings: unreadable input, bad config, rule crashes. */
export interface RunError {
  file?: string;
  message: string;
  kind: 'input' | 'internal' | 'config';
}
