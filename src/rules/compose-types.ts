import type { Edit, Fix, Severity } from '../finding.js';
import type { ComposeFile, ComposeProject, ComposeService, Origin } from '../model/compose/types.js';
import type { Rule, RuleSettings } from './types.js';

export interface FileEdit extends Edit {
  file?: string;
}

export interface ComposeReportDescriptor {
  messageId: string;
  data?: Record<string, string | number>;
  /** Where the flagged value is written (file and offsets), e.g. a scalar's or a key's origin. */
  at: Origin;
  /** Edits are offsets into `at.file`; an edit naming another `file` drops the fix. */
  fix?: { title: string; edits: FileEdit[]; applicability?: Fix['applicability'] };
  severity?: Exclude<Severity, 'off'>;
}

/** What a Compose rule sees: the loaded project (merged, interpolated, source-mapped). */
export interface ComposeRuleContext {
  project: ComposeProject;
  services: readonly ComposeService[];
  options: Record<string, unknown>;
  settings: RuleSettings;
  /** A file of the project by display path (for fixes that need its text). */
  file(path: string): ComposeFile | undefined;
  report(d: ComposeReportDescriptor): void;
}

export type ComposeRule = Rule<ComposeRuleContext>;
