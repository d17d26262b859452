/** shipready's library API: the CLI is a thin layer over these. */
export { lint, lintText, loadConfig, registry, writeAtomically, type LintOptions } from './api.js';
export type { LintResult, LintSummary } from './engine/result.js';
export type { Finding, Fix, Edit, Location, TextLocation, ImageLocation, Severity, RunError } from './finding.js';
export type { ShipreadyConfig, LoadedConfig, RuleEntry, ConfigOverride } from './config/types.js';
export type { Rule, RuleMeta, RuleDocs, DockerfileContext, RuleSettings } from './rules/types.js';
export type { Dockerfile, Instruction, Stage, ImageRef } from './model/dockerfile/types.js';
export { parseDockerfile } from './model/dockerfile/parse.js';
export { allRules } from './rules/index.js';
export { ConfigError, InputError } from './config/errors.js';
export { lintContext, applyContextFixes, ContextSession, type ContextLintResult, type LintContextOptions } from './engine/lint-context.js';
export { BuildContext } from './model/context/context.js';
export { contextReport, type ContextReport } from './model/context/report.js';
export { parseDockerignore, type DockerignoreFile, type IgnorePattern } from './model/context/dockerignore.js';
export type { ContextRule, ContextRuleContext } from './rules/context-types.js';
