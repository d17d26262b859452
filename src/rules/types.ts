import type { Fix, Severity } from '../finding.js';
import type { Dockerfile, InstructionKeyword } from '../model/dockerfile/types.js';
import type { SourceFile, Span } from '../model/source.js';

export type RuleTarget = 'dockerfile' | 'context' | 'compose' | 'image';
export type RuleCategory = 'correctness' | 'security' | 'reliability' | 'performance' | 'maintainability' | 'style';

export interface RuleDocs {
  /** One line: what the rule flags. */
  summary: string;
  /** Why it matters, a short paragraph. */
  why: string;
  /** A file that must trigger the rule (run as a test). */
  bad: string;
  /** The same file fixed; must not trigger the rule (run as a test). */
  good: string;
  /** Settings the examples need (for rules that only work when configured). */
  settings?: Partial<RuleSettings>;
  references?: string[];
}

export interface OptionSchema {
  type: 'string' | 'number' | 'boolean' | 'string[]' | 'record';
  description: string;
  default?: unknown;
}

export interface RuleMeta {
  target: RuleTarget;
  category: RuleCategory;
  /** Default severity; `off` means opt-in. */
  severity: Severity;
  fixable: 'safe' | 'unsafe' | null;
  status: 'preview' | 'stable' | 'deprecated';
  docs: RuleDocs;
  /** Message templates; `{{name}}` is replaced from the report's data. */
  messages: Record<string, string>;
  options?: Record<string, OptionSchema>;
  /** The rule only runs when this setting is configured (hadolint's "Cfg" rules). */
  requires?: keyof RuleSettings;
}

/** Project-wide settings that some rules read (from config; never read by rules themselves). */
export interface RuleSettings {
  trustedRegistries: string[];
  labelSchema: Record<string, string>;
  strictLabels: boolean;
}

export interface ReportDescriptor {
  messageId: string;
  data?: Record<string, string | number>;
  /** Source offsets of the flagged text. */
  span: Span;
  fix?: Omit<Fix, 'applicability'> & { applicability?: Fix['applicability'] };
  /** Extra aliases for this one finding (e.g. the ShellCheck code). */
  aliases?: string[];
  /** Severity for this finding when the rule's default is not right (e.g. ShellCheck levels). */
  severity?: Exclude<Severity, 'off'>;
}

/** A ShellCheck diagnostic already mapped to source offsets (filled by the engine when shellcheck runs). */
export interface ShellcheckDiagnostic {
  code: string;
  level: 'error' | 'warning' | 'info' | 'style';
  message: string;
  span: Span;
}

export interface DockerfileContext {
  df: Dockerfile;
  /** ShellCheck results for this file's RUN scripts, when the binary is available and enabled. */
  shellcheck?: ShellcheckDiagnostic[];
  source: SourceFile;
  options: Record<string, unknown>;
  settings: RuleSettings;
  report(d: ReportDescriptor): void;
}

export interface Rule<Ctx = DockerfileContext> {
  /** Stable short code with a per-target prefix: DF, DI, DC, IM. Never reused. */
  id: string;
  /** Kebab-case slug naming the flagged pattern. */
  name: string;
  /** Upstream ids (hadolint DL codes, Dockle ids, ...). */
  aliases: string[];
  meta: RuleMeta;
  /**
   * Dockerfile rules only: the rule can report only on a file that has one of these instructions
   * (ONBUILD triggers count), so the engine skips it on other files. Leave unset when unsure.
   */
  onlyWith?: readonly InstructionKeyword[];
  check(ctx: Ctx): void;
}

export type DockerfileRule = Rule<DockerfileContext>;

export function defineRule<Ctx = DockerfileContext>(rule: Rule<Ctx>): Rule<Ctx> {
  return rule;
}
