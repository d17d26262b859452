// lint() of api.ts, without a static import of every rule (see lintPaths).
import { basename, relative, resolve, sep } from 'node:path';
import { ConfigError, InputError } from '../config/errors.js';
import { loadConfig as loadConfigFile } from '../config/load.js';
import { EffectiveConfig } from '../config/resolve.js';
import type { LoadedConfig, ShipreadyConfig } from '../config/types.js';
import { validateConfig } from '../config/validate.js';
import { withCommandLine } from '../config/combine.js';
import { discoverComposeProjects, discoverDockerfiles } from '../discover.js';
import { applyFixes } from './fix.js';
import { lintDockerfile, compareFindings, type FileLintResult } from './lint-dockerfile.js';
import { RuleRegistry } from './registry.js';
import { summarize, type LintResult } from './result.js';
import type { Finding, RunError } from '../finding.js';
import { parseDockerfile } from '../model/dockerfile/parse.js';
import { invalidUtf8Notice, readTextFile, startsWithBom } from '../read-input.js';
import { rules as dockerfileRules } from '../rules/dockerfile/index.js';
import { rules as contextRules } from '../rules/context/index.js';
import { ContextSession } from './lint-context.js';
import type { ContextRule } from '../rules/context-types.js';
import type { DockerfileRule, Rule, ShellcheckDiagnostic } from '../rules/types.js';
import type { FileConfig } from '../config/resolve.js';
import type { Dockerfile } from '../model/dockerfile/types.js';
import { writeFileAtomically } from './write.js';
import { append } from '../append.js';
import { withoutHostVariables } from '../model/compose/interpolate.js';

export interface LintOptions {
  /** Working directory: paths and displayed file names are relative to it. Default: process.cwd(). */
  cwd?: string;
  /** Explicit config file (like --config). */
  configPath?: string;
  /** A config object to use instead of looking for a file (validated like a file). */
  config?: ShipreadyConfig;
  /** Apply safe fixes and write the files (atomically). */
  fix?: boolean;
  /** With `fix`, also apply unsafe fixes. */
  unsafeFixes?: boolean;
  /** Run ShellCheck on RUN scripts when the binary is on PATH (default: config `shellcheck`, true). */
  shellcheck?: boolean;
  /** Lint this text instead of files (stdin); `path` is the name shown in findings; `type` says what it holds (default dockerfile). */
  stdin?: { text: string; path?: string; type?: 'dockerfile' | 'compose' };
  /** An explicit Compose project (like `docker compose -f a.yml -f b.yml`): the main file first, then overrides. */
  composeFiles?: string[];
  /** Variables files for Compose interpolation instead of the project's `.env` (like `docker compose --env-file`); relative to the working directory. */
  envFiles?: string[];
  /** Extra rules to ignore (codes, names or aliases), added to the config's ignore list. */
  ignore?: string[];
  /**
   * Settings given on the command line, as a config holds them: single values replace the config's,
   * lists (ignored rules, trusted registries, label schema) are added to it, and rule levels win
   * over the config's, per-path overrides included (hadolint's --error, --trusted-registry, ...).
   */
  commandLine?: ShipreadyConfig;
  /** Run the build-context rules (DI...) with each Dockerfile's directory as the context (default true). */
  context?: boolean;
}


/** The rules of a run: every rule for the result, and the registry to look keys up in (loaded on demand). */
export interface RuleSet {
  registry: () => Promise<RuleRegistry>;
  all: readonly Rule<any>[];
}

const EMPTY_REGISTRY = new RuleRegistry([]);
// Files linted together (see lintPaths): enough to fill ShellCheck's processes, few enough to hold.
const WINDOW = 256;

const toPosix = (p: string) => (sep === '/' ? p : p.split(sep).join('/'));

/** The configuration for a run: an inline config object, an explicit file, or the one found from `cwd`. */
export async function resolveConfigWith(cwd: string, opts: Pick<LintOptions, 'config' | 'configPath'>, registry: () => Promise<RuleRegistry>): Promise<LoadedConfig> {
  if (opts.config) {
    const { config, issues } = validateConfig(opts.config, await registry());
    if (issues.length) throw new ConfigError(`${issues[0].path.join('.')}: ${issues[0].message}`, 'config');
    return { config, path: null, kind: 'shipready', baseDir: cwd };
  }
  return loadConfigFile(cwd, registry, opts.configPath);
}


/**
 * lint() (see api.ts) with the rule set passed in: `rules.registry` is awaited only when a rule has
 * to be looked up by key (a config, --ignore), and `rules.all` is what the result lists. The CLI
 * uses this to lint Dockerfiles without loading the Compose and image rules, a noticeable part of
 * a one-file cold start.
 */
export async function lintPaths(paths: string[], opts: LintOptions, rules: RuleSet): Promise<LintResult> {
  const cwd = resolve(opts.cwd ?? process.cwd());
  const loaded = await resolveConfigWith(cwd, opts, rules.registry);
  const commandLine: ShipreadyConfig = opts.ignore?.length ? { ...opts.commandLine, ignore: [...(opts.commandLine?.ignore ?? []), ...opts.ignore] } : opts.commandLine ?? {};
  const fromCommandLine = Object.keys(commandLine).length > 0;
  // The default configuration ({}) looks no rule up, so it needs no registry.
  const registry = loaded.kind === 'default' && !fromCommandLine ? EMPTY_REGISTRY : await rules.registry();
  if (fromCommandLine) {
    for (const k of opts.ignore ?? []) if (!registry.has(k)) throw new ConfigError(`unknown rule "${k}" in --ignore`);
    const { config, issues } = validateConfig(commandLine, registry);
    if (issues.length) throw new ConfigError(`${issues[0].path.join('.')}: ${issues[0].message}`, 'command line');
    loaded.config = withCommandLine(loaded.config, config);
  }
  const eff = new EffectiveConfig(loaded, registry);
  const errors: RunError[] = [];
  const notices: string[] = [];
  const findings: Finding[] = [];
  const files: string[] = [];
  // Fixes applied and written (with `fix`).
  let fixed = 0;
  const useShellcheck = opts.shellcheck ?? eff.shellcheck;
  let sc = false;
  // Loaded only when used: child_process costs start-up time.
  const scModule = useShellcheck ? await import('./shellcheck.js') : null;
  if (scModule) {
    sc = await scModule.shellcheckAvailable();
  }

  const inputs: Array<{ abs: string | null; display: string; text?: string }> = [];
  const composeSets: Array<Array<{ abs: string | null; display: string; text?: string }>> = [];
  const displayOf = (abs: string) => toPosix(relative(cwd, abs)) || basename(abs);
  if (opts.stdin?.type === 'compose') composeSets.push([{ abs: null, display: opts.stdin.path ?? '-', text: opts.stdin.text }]);
  else if (opts.stdin) inputs.push({ abs: null, display: opts.stdin.path ?? '-', text: opts.stdin.text });
  else {
    const targets = paths.length ? paths : opts.composeFiles?.length ? [] : ['.'];
    const { files: found, missing } = discoverDockerfiles(targets, cwd);
    for (const m of missing) errors.push({ file: m, kind: 'input', message: `${m}: no such file or directory` });
    const { sets } = discoverComposeProjects(targets, cwd);
    if (opts.composeFiles?.length) sets.unshift(opts.composeFiles.map((f) => resolve(cwd, f)));
    const composeFiles = new Set(sets.flat());
    for (const set of sets) composeSets.push(set.map((abs) => ({ abs, display: displayOf(abs) })));
    for (const abs of found) if (!composeFiles.has(abs)) inputs.push({ abs, display: displayOf(abs) });
  }
  const contextOf = new Map<string, string>();
  if (composeSets.length) {
    // Loaded only when used (the Compose schema is large); services' Dockerfiles are linted too.
    const { lintComposeProjects } = await import('./lint-compose.js');
    const envFiles = opts.envFiles?.map((f) => resolve(cwd, f));
    const r = lintComposeProjects(composeSets, { cwd, eff, baseDir: loaded.baseDir, fix: !!opts.fix, unsafe: !!opts.unsafeFixes, env: withoutHostVariables(process.env), envFiles });
    append(findings, r.findings);
    append(errors, r.errors);
    append(files, r.files);
    append(notices, r.notices);
    fixed += r.fixed;
    for (const [d, c] of r.contexts) contextOf.set(d, c);
    const known = new Set(inputs.map((i) => i.abs));
    for (const abs of r.dockerfiles) if (!known.has(abs)) { known.add(abs); inputs.push({ abs, display: displayOf(abs) }); }
  }

  // Build-context rules: walks are cached per context directory and only made when a rule needs them.
  const ctxSession = opts.context === false ? null : new ContextSession();
  const lint = (display: string, t: string, fileConfig: FileConfig, df: Dockerfile, shellcheck?: ShellcheckDiagnostic[]): FileLintResult =>
    lintDockerfile(t, { displayPath: display, rules: dockerfileRules as DockerfileRule[], config: fileConfig, settings: eff.settings, disableIgnorePragma: eff.disableIgnorePragma, df, shellcheck });
  // Files go in windows: each window's ShellCheck scripts are checked together, by a few
  // processes at once (one process per file would cost a ShellCheck start-up per Dockerfile),
  // while only a window's models are held in memory.
  for (let w = 0; w < inputs.length; w += WINDOW) {
    const ready: Array<{ input: (typeof inputs)[number]; text: string; fileConfig: FileConfig; df: Dockerfile } | { input: (typeof inputs)[number]; error: RunError }> = [];
    for (const input of inputs.slice(w, w + WINDOW)) {
      let text: string;
      let invalidAt: number | undefined;
      try {
        text = input.text ?? readTextFile(input.abs!, input.display, { lenient: { onInvalid: (off) => (invalidAt = off) } });
      } catch (e) {
        if (e instanceof InputError) {
          ready.push({ input, error: { file: input.display, kind: 'input', message: e.oneLine } });
          continue;
        }
        throw e;
      }
      const relToConfig = input.abs ? toPosix(relative(loaded.baseDir, input.abs)) : input.display;
      const fileConfig = eff.forFile(relToConfig);
      if (invalidAt !== undefined) notices.push(invalidUtf8Notice(input.display, invalidAt, !!opts.fix));
      let current = text;
      // Not fixed when not UTF-8: writing the text back would replace the invalid bytes for good.
      if (opts.fix && invalidAt === undefined) {
        const before = parseErrorCount(text);
        let made = 0;
        for (let pass = 0; pass < 10; pass++) {
          const r = lint(input.display, current, fileConfig, parseDockerfile(input.abs ?? input.display, current));
          const { text: next, applied } = applyFixes(current, r.findings, !!opts.unsafeFixes);
          if (applied === 0 || next === current) break;
          // Never write a result that parses worse than the input.
          if (parseErrorCount(next) > before) break;
          current = next;
          made += applied;
        }
        if (current !== text) {
          if (input.abs) {
            // The decoder dropped a byte order mark; BuildKit reads one, and the file keeps it.
            writeAtomically(input.abs, startsWithBom(input.abs) ? `\uFEFF${current}` : current);
            fixed += made;
          } else notices.push('fixes for stdin are not written anywhere; lint a file to apply them');
        }
      }
      ready.push({ input, text: current, fileConfig, df: parseDockerfile(input.abs ?? input.display, current) });
    }
    const checked = ready.filter((r) => 'df' in r && sc && r.fileConfig.severity(shellcheckRule()) !== 'off') as Array<{ df: Dockerfile }>;
    let diagnostics: ShellcheckDiagnostic[][] = [];
    try {
      if (checked.length) diagnostics = await scModule!.runShellcheck(checked.map((r) => r.df));
    } catch (e) {
      // The files are still linted; only ShellCheck's findings on them are missing, and said so.
      notices.push(`shellcheck failed (${String((e as Error).message ?? e).split('\n', 1)[0]}): the RUN scripts of ${checked.length} Dockerfile${checked.length === 1 ? '' : 's'} were not checked with it`);
    }
    const diagnosticsOf = new Map(checked.map((r, i) => [r.df, diagnostics[i]]));
    for (const r of ready) {
      if ('error' in r) {
        errors.push(r.error);
        continue;
      }
      const { input } = r;
      const result = lint(input.display, r.text, r.fileConfig, r.df, diagnosticsOf.get(r.df));
      files.push(input.display);
      append(findings, result.findings);
      append(errors, result.errors);
      if (ctxSession && input.abs) {
        const cr = ctxSession.lintDockerfile({ dockerfile: input.abs, displayPath: input.display, df: result.df, rules: contextRules as ContextRule[], eff, baseDir: loaded.baseDir, cwd, contextDir: contextOf.get(input.abs), fix: opts.fix, unsafeFixes: opts.unsafeFixes });
        append(findings, cr.findings);
        append(errors, cr.errors);
        fixed += cr.fixed;
        if (cr.ignoreFile && !files.includes(cr.ignoreFile)) files.push(cr.ignoreFile);
      }
    }
  }
  // Said only when there was a Dockerfile to check: a run that found none has no use for it.
  if (scModule && !sc && inputs.length > 0) notices.push('shellcheck not found on PATH: RUN scripts were not checked with ShellCheck (install the "shellcheck" package to enable it)');
  if (ctxSession) append(notices, ctxSession.summaryNotices());
  findings.sort(compareFindings);
  const summary = summarize(findings, errors, files.length);
  if (opts.fix) summary.fixed = fixed;
  return { findings, errors, files, rules: rules.all, notices, summary, failureThreshold: eff.failureThreshold, noFail: eff.noFail, ...(eff.format ? { format: eff.format } : {}), config: { file: loaded.path, kind: loaded.kind, settings: loaded.config } };
}


/** The ShellCheck rule (a Dockerfile rule, found as registry.find('shellcheck') would). */
function shellcheckRule(): DockerfileRule {
  return dockerfileRules.find((r) => [r.id, r.name, ...r.aliases].some((k) => k.toLowerCase() === 'shellcheck')) as DockerfileRule;
}

function parseErrorCount(text: string): number {
  return parseDockerfile('x', text).instructions.filter((i) => i.error).length;
}

/** Write via a temp file in the same directory and rename; a failure is an input error naming the file. */
export function writeAtomically(path: string, text: string): void {
  try {
    writeFileAtomically(path, text);
  } catch (e) {
    throw new InputError(`cannot write fixed file: ${(e as Error).message}`, path);
  }
}

