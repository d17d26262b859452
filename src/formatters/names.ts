// Format names without the formatters, for the config validator and the CLI's argument checks (which
// must not load them all: a text report needs only the text formatter).

/** Output format names, the default (`text`) first. */
export const FORMAT_NAMES = ['text', 'json', 'sarif', 'github', 'checkstyle', 'gitlab', 'junit', 'gnu', 'sonarqube', 'codeclimate', 'codacy', 'rdjson', 'rdjsonl'] as const;

export type FormatName = (typeof FORMAT_NAMES)[number];

/** hadolint's names for the same formats, so its users' scripts and settings keep working. */
const ALIASES: Record<string, FormatName> = { tty: 'text', gitlab_codeclimate: 'gitlab' };
export const FORMAT_ALIASES: readonly string[] = Object.keys(ALIASES);

/** The format a name (or a hadolint alias) stands for, or undefined. */
export function resolveFormat(name: string): FormatName | undefined {
  if ((FORMAT_NAMES as readonly string[]).includes(name)) return name as FormatName;
  return Object.prototype.hasOwnProperty.call(ALIASES, name) ? ALIASES[name] : undefined;
}

/** Formats that read the files' text (`FormatOptions.sources`): code frames, UTF-8 columns and fixes. */
export const FORMATS_USING_SOURCES: readonly string[] = ['text', 'rdjson', 'rdjsonl'];

/** Formats that read `result.rules` (the rule metadata they list); the others never do. */
export const FORMATS_USING_RULES: readonly string[] = ['sarif', 'gitlab', 'sonarqube', 'codeclimate'];

/**
 * Formats read by a runner that takes any non-zero exit for a crash and drops the report: a Code
 * Climate engine "must exit with a zero exit code unless a fatal error occurs", and hadolint exits
 * 0 for codacy too. Findings do not fail a run whose reports are all in these formats.
 */
export const FORMATS_FOR_RUNNERS: readonly string[] = ['codeclimate', 'codacy'];
