import { readFileSync, writeFileSync } from 'node:fs';
import { ConfigError, InputError } from '../config/errors.js';
import type { RuleSet } from '../engine/lint-paths.js';
import { severityRank, type Severity } from '../finding.js';
import { VERSION } from '../version.js';
import { parseArgs, UsageError, type FlagSpec } from './args.js';
import { isTerminal } from './output.js';

const HELP = `shipready ${VERSION}: is your container setup ready for production?

Usage:
  shipready lint [PATH...]        lint Dockerfiles and Compose files under PATHs (default: .); "-" reads stdin
  shipready rules                 list every rule (code, name, aliases, severity)
  shipready explain <rule>        show a rule's documentation (code, name or alias)
  shipready context [DIR] [-f F]  what a build of DIR sends: sizes, largest files, what each COPY takes
  shipready image <IMAGE...>      inspect built images (docker save / OCI tar or directory, "-" for stdin);
                                  see shipready image --help

Options for lint:
  -f, --format <name>             text (default), json, sarif, github, checkstyle, gitlab, junit,
                                  gnu, sonarqube, codeclimate (hadolint's tty and gitlab_codeclimate
                                  work too)
  -o, --output <file>             write the report to a file instead of stdout
  -c, --config <file>             config file (default: .shipready.yaml upward, else .hadolint.yaml)
      --fix                       apply safe fixes to the files (atomically)
      --unsafe-fixes              with --fix, also apply fixes that may change behaviour
      --compose-file <file>       lint this Compose project: repeat for overrides, main file first
                                  (like docker compose -f a.yml -f b.yml)
      --type dockerfile|compose   what stdin holds (with "-")
      --stdin-filename <name>     name to show for stdin
      --failure-threshold <lvl>   error, warning, info, style or none (default: info)
      --no-fail                   always exit 0 when linting worked
      --ignore <code,...>         ignore rules (code, name or alias; repeatable)
      --no-shellcheck             do not run ShellCheck on RUN scripts
      --no-context                do not check each Dockerfile's directory as its build context
      --color / --no-color        force colours on or off (default: on for a TTY, off with NO_COLOR)
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
  { name: 'stdin-filename', value: true },
  { name: 'failure-threshold', short: 't', value: true },
  { name: 'fail' },
  { name: 'ignore', value: true, multi: true },
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

async function lintCommand(argv: string[], io: { out: (s: string) => void; err: (s: string) => void }): Promise<number> {
  const { positionals, flags } = parseArgs(argv, LINT_FLAGS);
  if (flags.get('help')) { io.out(HELP); return 0; }
  if (flags.get('version')) { io.out(`${VERSION}\n`); return 0; }
  // The format: --format, else SHIPREADY_FORMAT, else the config's `format` (known after the run), else text.
  const asked = (flags.get('format') as string | undefined) ?? process.env.SHIPREADY_FORMAT;
  const { FORMATS, FORMATS_USING_RULES, formatResult, resolveFormat } = await import('../formatters/index.js');
  const chosen = asked === undefined ? undefined : resolveFormat(asked);
  if (asked !== undefined && !chosen) throw new UsageError(`unknown format "${asked}"; formats are ${FORMATS.join(', ')}`);
  const threshold = flags.get('failure-threshold') as string | undefined;
  if (threshold !== undefined && !THRESHOLDS.includes(threshold)) throw new UsageError(`--failure-threshold must be one of ${THRESHOLDS.join(', ')}`);
  const type = flags.get('type') as string | undefined;
  if (type !== undefined && type !== 'dockerfile' && type !== 'compose') throw new UsageError(`--type must be "dockerfile" or "compose" (image input comes with its own command)`);

  let stdin: { text: string; path?: string; type?: 'dockerfile' | 'compose' } | undefined;
  if (positionals.length === 1 && positionals[0] === '-') {
    if (!type) throw new UsageError('reading stdin needs --type dockerfile or --type compose');
    const { decodeText, invalidUtf8Notice } = await import('../read-input.js');
    const name = (flags.get('stdin-filename') as string | undefined) ?? '-';
    const lenient = type === 'dockerfile' ? { onInvalid: (off: number) => io.err(`shipready: ${invalidUtf8Notice(name, off, false)}\n`) } : undefined;
    stdin = { text: decodeText(readFileSync(0), name, { lenient }), path: name, type: type as 'dockerfile' | 'compose' };
  } else if (positionals.includes('-')) throw new UsageError('"-" (stdin) cannot be combined with other paths');

  // lint() of api.ts, but the Compose and image rules (all of api.ts's registry) are loaded only
  // when needed: loading them is a noticeable part of a one-file cold start.
  const rules: RuleSet = {
    registry: async () => (await import('../api.js')).registry,
    all: chosen && FORMATS_USING_RULES.includes(chosen) ? (await import('../rules/index.js')).allRules : [],
  };
  const { lintPaths } = await import('../engine/lint-paths.js');
  const result = await lintPaths(positionals, {
    configPath: flags.get('config') as string | undefined,
    fix: flags.get('fix') === true,
    unsafeFixes: flags.get('unsafe-fixes') === true,
    shellcheck: flags.get('shellcheck') === false ? false : undefined,
    context: flags.get('context') === false ? false : undefined,
    stdin,
    composeFiles: flags.get('compose-file') as string[] | undefined,
    ignore: flags.get('ignore') as string[] | undefined,
  }, rules);

  const format = chosen ?? result.format ?? 'text';
  // A format the config chose may list rule metadata, which the run did not load.
  if (!chosen && FORMATS_USING_RULES.includes(format)) result.rules = (await import('../rules/index.js')).allRules;
  const color = flags.has('color') ? flags.get('color') === true : !process.env.NO_COLOR && (flags.get('output') ? false : isTerminal(1));
  const sources = new Map<string, string>();
  if (format === 'text') {
    for (const f of result.files) {
      try { sources.set(f, f === (stdin?.path ?? '\0') ? stdin!.text : readFileSync(f, 'utf8')); } catch { /* frame omitted */ }
    }
  }
  const output = formatResult(format, result, { color, cwd: process.cwd(), version: VERSION, sources });
  const outFile = flags.get('output') as string | undefined;
  if (outFile) writeFileSync(outFile, output);
  else io.out(output);
  for (const n of result.notices) io.err(`shipready: ${n}\n`);
  for (const e of result.errors) io.err(`shipready: ${e.kind === 'internal' ? 'internal error: ' : ''}${e.message}\n`);

  if (result.errors.length > 0) return 2;
  if (flags.get('fail') === false) return 0;
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
