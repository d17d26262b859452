import { accessSync, constants, readFileSync, statSync } from 'node:fs';
import { ConfigError, InputError } from '../config/errors.js';
import type { RuleSet } from '../engine/lint-paths.js';
import { severityRank, type Severity } from '../finding.js';
import { commandLineConfig, describeConfig, renameReportedFile, reportTargets, writeProblem, writeReport } from './lint-options.js';
import { VERSION } from '../version.js';
import { parseArgs, UsageError, type FlagSpec } from './args.js';
import { isTerminal } from './output.js';
import type { LintResult } from '../engine/result.js';
import type { FormatOptions } from '../formatters/types.js';

const HELP = `shipready ${VERSION}: is your container setup ready for production?

Usage:
  shipready lint [PATH...]        lint Dockerfiles and Compose files under PATHs (default: .); "-" reads stdin
  shipready rules [--json]        list every rule (code, name, aliases, severity)
  shipready explain <rule>        show a rule's documentation (code, name or alias)
  shipready context [DIR] [-f F]  what a build of DIR sends: sizes, largest files, what each COPY takes
  shipready image <IMAGE...>      inspect built images (docker save / OCI tar or directory, "-" for stdin);
                                  see shipready image --help

Options for lint:
  -f, --format <name>             text (default), json, sarif, github, checkstyle, gitlab, junit,
                                  gnu, sonarqube, codeclimate, codacy, rdjson, rdjsonl (hadolint's
                                  tty and gitlab_codeclimate work too); repeat -f for several reports
  -o, --output <file>             write the report of the -f before it to a file instead of stdout
  -c, --config <file>             config file (default: .shipready.yaml upward, else .hadolint.yaml)
      --fix                       apply safe fixes to the files (atomically)
      --unsafe-fixes              with --fix, also apply fixes that may change behaviour
      --compose-file <file>       lint this Compose project: repeat for overrides, main file first
                                  (like docker compose -f a.yml -f b.yml)
      --compose-env-file <file>   Compose variables from this file instead of the project's .env
                                  (repeatable, later files win; docker compose --env-file)
      --type dockerfile|compose   what stdin holds (with "-"; default: told from the text)
      --stdin-filename <name>     name to show for stdin
  -t, --failure-threshold <lvl>   error, warning, info, style or none (default: info)
      --no-fail                   always exit 0 when linting worked
      --ignore <rule,...>         ignore rules (code, name or alias; repeatable)
      --error|--warning|--info|--style <rule,...>
                                  report these rules at this level (over the config; repeatable)
      --trusted-registry <name>   allow images only from these registries (added to the config's)
      --require-label <name:type> require this label (types: text, url, semver, hash, rfc3339,
                                  spdx, email; added to the config's label schema)
      --strict-labels             also report labels outside the label schema
      --disable-ignore-pragma     ignore the suppression comments in the files
      --file-path-in-report <p>   report the one linted file under this path (runs in a container)
      --no-shellcheck             do not run ShellCheck on RUN scripts
      --no-context                do not check each Dockerfile's directory as its build context
      --color / --no-color        force colours on or off (default: on for a TTY, off with NO_COLOR)
  -V, --verbose                   say which config file was used and the settings in effect
      --debug                     print stack traces for internal errors
  -h, --help, -v, --version

Exit codes: 0 nothing at or above the threshold, 1 findings, 2 usage/config/input/internal error.
`;

const LINT_FLAGS: FlagSpec[] = [
  { name: 'format', short: 'f', value: true },
  { name: 'output', short: 'o', value: true },
  { name: 'config', short: 'c', value: true },
  { name: 'fix' },
  { name: 'unsafe-fixes' },
  { name: 'type', value: true },
  { name: 'compose-file', value: true, multi: true },
  { name: 'compose-env-file', value: true, multi: true },
  { name: 'stdin-filename', value: true },
  { name: 'failure-threshold', short: 't', value: true },
  { name: 'fail' },
  { name: 'ignore', value: true, multi: true },
  { name: 'error', value: true, multi: true },
  { name: 'warning', value: true, multi: true },
  { name: 'info', value: true, multi: true },
  { name: 'style', value: true, multi: true },
  { name: 'trusted-registry', value: true, multi: true },
  { name: 'require-label', value: true, multi: true },
  { name: 'strict-labels' },
  { name: 'disable-ignore-pragma' },
  { name: 'file-path-in-report', value: true },
  { name: 'verbose', short: 'V' },
  { name: 'shellcheck' },
  { name: 'context' },
  { name: 'color' },
  { name: 'debug' },
  { name: 'help', short: 'h' },
  { name: 'version', short: 'v' },
];

const THRESHOLDS = ['error', 'warning', 'info', 'style', 'none'];

/** Runs the CLI and returns the exit code. Output goes through the given writers. */
export async function main(argv: string[], io: { out: (s: string) => void; err: (s: string) => void } = { out: (s) => process.stdout.write(s), err: (s) => process.stderr.write(s) }): Promise<number> {
  const debug = argv.includes('--debug');
  try {
    const cmd = argv[0];
    if (cmd === undefined || cmd === '-h' || cmd === '--help' || cmd === 'help') {
      io.out(HELP);
      return cmd === undefined ? 2 : 0;
    }
    if (cmd === '-v' || cmd === '--version') {
      io.out(`${VERSION}\n`);
      return 0;
    }
    if (cmd === 'rules') {
      const [{ registry }, { listRules }] = await Promise.all([import('../api.js'), import('./rules-command.js')]);
      io.out(listRules(registry.rules, argv.includes('--json')));
      return 0;
    }
    if (cmd === 'explain') {
      if (!argv[1]) throw new UsageError('explain needs a rule code, name or alias, e.g. shipready explain DL3007');
      const [{ registry }, { explainRule }] = await Promise.all([import('../api.js'), import('./rules-command.js')]);
      const text = explainRule(registry, argv[1]);
      io.out(text);
      return 0;
    }
    if (cmd === 'lint') return await lintCommand(argv.slice(1), io);
    if (cmd === 'context') {
      const { contextCommand } = await import('./context-command.js');
      return await contextCommand(argv.slice(1), io);
    }
    if (cmd === 'image') {
      const { imageCommand } = await import('./image-command.js');
      return await imageCommand(argv.slice(1), io);
    }
    throw new UsageError(`unknown command "${cmd}"; commands are lint, rules, explain, context, image (see shipready --help)`);
  } catch (e) {
    return reportError(e, io, debug);
  }
}

/**
 * The --compose-env-file files, each checked readable first: Compose refuses to run without one it
 * was given. (Not --env-file: Node 20 takes that flag for itself even after the script's name.)
 */
function readableEnvFiles(files: string[] | undefined): string[] | undefined {
  for (const f of files ?? []) {
    if (f === '') throw new UsageError('--compose-env-file needs a file name');
    try {
      // Checked, not read: a pipe (`--compose-env-file <(...)`) can be read only once, by the loader.
      if (statSync(f).isDirectory()) throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
      accessSync(f, constants.R_OK);
    } catch (e) {
      throw new InputError(`cannot read --compose-env-file ${f} (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`, f);
    }
  }
  return files;
}

/** formatResult, but a text-only run loads just the text formatter: the others are a cold-start cost. */
async function loadFormatter(formats: string[]): Promise<(name: string, result: LintResult, opts: FormatOptions) => string> {
  if (formats.every((f) => f === 'text')) {
    const { formatText } = await import('../formatters/text.js');
    return (_name, result, opts) => formatText(result, opts);
  }
  return (await import('../formatters/index.js')).formatResult;
}

async function lintCommand(argv: string[], io: { out: (s: string) => void; err: (s: string) => void }): Promise<number> {
  const { positionals, flags, order } = parseArgs(argv, LINT_FLAGS);
  if (flags.get('help')) { io.out(HELP); return 0; }
  if (flags.get('version')) { io.out(`${VERSION}\n`); return 0; }
  const { FORMAT_NAMES: FORMATS, FORMATS_FOR_RUNNERS, FORMATS_USING_RULES, FORMATS_USING_SOURCES, resolveFormat } = await import('../formatters/names.js');
  // Each report: a format (undefined: SHIPREADY_FORMAT, else the config's, else text) and a file (undefined: stdout).
  const reports = reportTargets(order);
  for (const r of reports) {
    if (r.format === undefined) continue;
    const name = r.format;
    r.format = resolveFormat(name);
    if (!r.format) throw new UsageError(`unknown format "${name}"; formats are ${FORMATS.join(', ')}`);
  }
  const envFormat = process.env.SHIPREADY_FORMAT;
  if (envFormat !== undefined && reports[0].format === undefined && !resolveFormat(envFormat)) throw new UsageError(`unknown format "${envFormat}" in SHIPREADY_FORMAT; formats are ${FORMATS.join(', ')}`);
  const threshold = flags.get('failure-threshold') as string | undefined;
  if (threshold !== undefined && !THRESHOLDS.includes(threshold)) throw new UsageError(`--failure-threshold must be one of ${THRESHOLDS.join(', ')}`);
  const type = flags.get('type') as string | undefined;
  if (type !== undefined && type !== 'dockerfile' && type !== 'compose') throw new UsageError(`--type must be "dockerfile" or "compose" (image input comes with its own command)`);

  let stdin: { text: string; path?: string; type?: 'dockerfile' | 'compose' } | undefined;
  if (positionals.length === 1 && positionals[0] === '-') {
    const { decodeText, invalidUtf8Notice, readBounded, MAX_INPUT_BYTES } = await import('../read-input.js');
    const name = (flags.get('stdin-filename') as string | undefined) ?? '-';
    let bytes: Buffer | null;
    try {
      bytes = readBounded(0, MAX_INPUT_BYTES);
    } catch (e) {
      throw new InputError(`cannot read standard input (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`, name);
    }
    if (bytes === null) throw new InputError(`is too large to lint (more than ${MAX_INPUT_BYTES} bytes)`, name);
    // Decoded leniently (as a Dockerfile is read) unless --type says Compose; a Compose file must be UTF-8.
    const invalid: number[] = [];
    const text = decodeText(bytes, name, { lenient: type === 'compose' ? undefined : { onInvalid: (off: number) => invalid.push(off) } });
    const { guessStdinType } = await import('./stdin-type.js');
    const kind = (type as 'dockerfile' | 'compose' | undefined) ?? guessStdinType(text);
    if (invalid.length && kind === 'compose') decodeText(bytes, name); // throws the input error
    for (const off of invalid) io.err(`shipready: ${invalidUtf8Notice(name, off, false)}\n`);
    stdin = { text, path: name, type: kind };
  } else if (positionals.includes('-')) throw new UsageError('"-" (stdin) cannot be combined with other paths');

  // lint() of api.ts, but the Compose and image rules (all of api.ts's registry) are loaded only
  // when needed: loading them is a noticeable part of a one-file cold start.
  const usesRules = (f: string | undefined) => f !== undefined && FORMATS_USING_RULES.includes(f);
  const rules: RuleSet = {
    registry: async () => (await import('../api.js')).registry,
    all: reports.some((r) => usesRules(r.format ?? envFormat)) ? (await import('../rules/index.js')).allRules : [],
  };
  const commandLine = await commandLineConfig(flags, rules);
  const { lintPaths } = await import('../engine/lint-paths.js');
  const result = await lintPaths(positionals, {
    configPath: flags.get('config') as string | undefined,
    fix: flags.get('fix') === true,
    unsafeFixes: flags.get('unsafe-fixes') === true,
    shellcheck: flags.get('shellcheck') === false ? false : undefined,
    context: flags.get('context') === false ? false : undefined,
    stdin,
    composeFiles: flags.get('compose-file') as string[] | undefined,
    envFiles: readableEnvFiles(flags.get('compose-env-file') as string[] | undefined),
    ignore: flags.get('ignore') as string[] | undefined,
    commandLine,
  }, rules);

  for (const r of reports) r.format ??= (envFormat !== undefined ? resolveFormat(envFormat) : undefined) ?? result.format ?? 'text';
  // A format the config chose may list rule metadata, which the run did not load.
  if (result.rules.length === 0 && reports.some((r) => usesRules(r.format))) result.rules = (await import('../rules/index.js')).allRules;
  const sources = new Map<string, string>();
  if (reports.some((r) => FORMATS_USING_SOURCES.includes(r.format!))) {
    for (const f of result.files) {
      // Read again, so only a regular file: a pipe (`lint <(...)`) was used up by the lint.
      try {
        if (f === (stdin?.path ?? '\0')) sources.set(f, stdin!.text);
        else if (statSync(f).isFile()) sources.set(f, readFileSync(f, 'utf8'));
      } catch { /* frame omitted */ }
    }
  }
  const reportPath = flags.get('file-path-in-report') as string | undefined;
  if (reportPath === '') throw new UsageError('--file-path-in-report needs a path');
  if (reportPath !== undefined) renameReportedFile(result, sources, reportPath);
  const verbose = flags.get('verbose') === true || (flags.get('verbose') === undefined && result.config?.kind !== 'shipready' && /^(?:1|y|yes|on|true)$/i.test(process.env.HADOLINT_VERBOSE?.trim() ?? ''));
  if (verbose) io.err(describeConfig(result.config, Object.keys(commandLine).length > 0 || !!(flags.get('ignore') as string[] | undefined)?.length));

  // Every report is rendered before any is written: a formatter's failure leaves no file half done.
  const formatResult = await loadFormatter(reports.map((r) => r.format!));
  const outputs = reports.map((r) => {
    const color = flags.has('color') ? flags.get('color') === true : !process.env.NO_COLOR && (r.file ? false : isTerminal(1));
    return { file: r.file, text: formatResult(r.format!, result, { color, cwd: process.cwd(), version: VERSION, sources }) };
  });
  for (const o of outputs) {
    if (o.file === undefined) { io.out(o.text); continue; }
    try {
      writeReport(o.file, o.text);
    } catch (e) {
      throw new InputError(`cannot write the report: ${writeProblem(e)}`, o.file);
    }
  }
  for (const n of result.notices) io.err(`shipready: ${n}\n`);
  for (const e of result.errors) io.err(`shipready: ${e.kind === 'internal' ? 'internal error: ' : ''}${e.message}\n`);

  if (result.errors.length > 0) return 2;
  if (flags.get('fail') === false || reports.every((r) => FORMATS_FOR_RUNNERS.includes(r.format!))) return 0;
  const t = (threshold ?? result.failureThreshold ?? 'info') as Severity | 'none';
  if (t === 'none' || result.noFail) return 0;
  return result.findings.some((f) => severityRank(f.severity) >= severityRank(t)) ? 1 : 0;
}

function reportError(e: unknown, io: { err: (s: string) => void }, debug: boolean): number {
  if (e instanceof UsageError) io.err(`shipready: ${e.message}\n`);
  else if (e instanceof ConfigError || e instanceof InputError) io.err(`shipready: ${e.oneLine}\n`);
  else io.err(`shipready: internal error: ${(e as Error)?.message ?? String(e)}${debug ? '' : ' (run with --debug for details)'}\n`);
  if (debug && e instanceof Error && e.stack) io.err(`${e.stack}\n`);
  return 2;
}
