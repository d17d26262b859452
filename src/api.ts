import { ConfigError } from './config/errors.js';
import { loadConfig as loadConfigFile, parseConfigText } from './config/load.js';
import { EffectiveConfig, type FileConfig } from './config/resolve.js';
import type { LoadedConfig, ShipreadyConfig } from './config/types.js';
import { validateConfig } from './config/validate.js';
import { lintDockerfile } from './engine/lint-dockerfile.js';
import { lintPaths, resolveConfigWith, writeAtomically, type LintOptions } from './engine/lint-paths.js';
import { RuleRegistry } from './engine/registry.js';
import { summarize, type LintResult } from './engine/result.js';
import { allRules, dockerfileRules } from './rules/index.js';
import type { DockerfileRule } from './rules/types.js';

export const registry = new RuleRegistry(allRules);

export type { LintOptions };

/** Load and validate the configuration that applies in `cwd` (own file, else `.hadolint.yaml`). */
export async function loadConfig(cwd = process.cwd(), explicitPath?: string): Promise<LoadedConfig> {
  return loadConfigFile(cwd, registry, explicitPath);
}

/** The configuration for a run: an inline config object, an explicit file, or the one found from `cwd`. */
export async function resolveConfig(cwd: string, opts: Pick<LintOptions, 'config' | 'configPath'>): Promise<LoadedConfig> {
  return resolveConfigWith(cwd, opts, getRegistry);
}

const getRegistry = async () => registry;

/**
 * Lint Dockerfiles under `paths` (directories are searched; default `.`). Configuration problems throw
 * ConfigError; unreadable files become `errors` of kind `input` and the rest are still linted.
 */
export async function lint(paths: string[] = ['.'], opts: LintOptions = {}): Promise<LintResult> {
  return lintPaths(paths, opts, { registry: getRegistry, all: allRules });
}

/** Lint one Dockerfile's text synchronously with a given config (no ShellCheck, no files). */
export function lintText(text: string, opts: { path?: string; config?: ShipreadyConfig } = {}): LintResult {
  const display = opts.path ?? 'Dockerfile';
  let eff: EffectiveConfig;
  let fileConfig: FileConfig;
  if (opts.config) {
    const { config, issues } = validateConfig(opts.config, registry);
    if (issues.length) throw new ConfigError(`${issues[0].path.join('.')}: ${issues[0].message}`, 'config');
    eff = new EffectiveConfig({ config, path: null, kind: 'shipready', baseDir: '.' }, registry);
    fileConfig = eff.forFile(display);
  } else {
    // The default configuration is the same for every call and every path (it has no overrides).
    defaults ??= defaultConfig();
    eff = defaults.eff;
    fileConfig = defaults.file;
  }
  const r = lintDockerfile(text, { displayPath: display, rules: dockerfileRules as DockerfileRule[], config: fileConfig, settings: eff.settings, disableIgnorePragma: eff.disableIgnorePragma });
  return { findings: r.findings, errors: r.errors, files: [display], rules: allRules, notices: [], summary: summarize(r.findings, r.errors, 1), failureThreshold: eff.failureThreshold, noFail: eff.noFail };
}

let defaults: { eff: EffectiveConfig; file: FileConfig } | undefined;

function defaultConfig(): { eff: EffectiveConfig; file: FileConfig } {
  const { config } = validateConfig({}, registry);
  const eff = new EffectiveConfig({ config, path: null, kind: 'shipready', baseDir: '.' }, registry);
  return { eff, file: eff.forFile('Dockerfile') };
}

export { writeAtomically };
export { parseConfigText };
