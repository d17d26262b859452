/** Types for build-context rules (target `context`, codes DI...). */
import { compareStrings } from '../compare.js';
import type { Edit } from '../finding.js';
import type { BuildContext } from '../model/context/context.js';
import type { CopySource, UnresolvedSource } from '../model/context/copy-sources.js';
import type { DockerignoreFile } from '../model/context/dockerignore.js';
import type { Dockerfile } from '../model/dockerfile/types.js';
import type { SourceFile, Span } from '../model/source.js';
import type { ReportDescriptor, Rule, RuleDocs, RuleMeta, RuleSettings } from './types.js';

/** Where a context finding points. */
export type ContextFindingFile = 'dockerfile' | 'ignore';

export interface ContextReportDescriptor extends Omit<ReportDescriptor, 'span'> {
  /** The file the span is in: the Dockerfile (default) or the ignore file. */
  in?: ContextFindingFile;
  span: Span;
  /**
   * What the finding is about beyond the flagged text (e.g. the path of a secret file), so that
   * fingerprints stay stable and two findings on one COPY word stay distinct.
   */
  key?: string;
  /** Fix edits always apply to the ignore file's text (see `ContextRuleContext.ignoreText`). */
  fix?: ReportDescriptor['fix'];
}

/** Another Dockerfile of the context directory that reads the same ignore file. */
export interface SiblingDockerfile {
  /** Its path relative to the context directory. */
  name: string;
  df: Dockerfile;
  sources: CopySource[];
}

export interface ContextRuleContext {
  df: Dockerfile;
  /** The Dockerfile's source (spans with `in: 'dockerfile'` refer to it). */
  source: SourceFile;
  /** The build context: root, ignore file, lazy walk, COPY source resolution. */
  context: BuildContext;
  /** Display path of the context directory. */
  contextDisplay: string;
  /** COPY/ADD sources taken from the context, in file order. */
  sources: CopySource[];
  /** Sources whose variables could not be resolved (not checked). */
  unresolved: UnresolvedSource[];
  /** The ignore file in effect, or null when there is none. */
  ignore: DockerignoreFile | null;
  /** Display path of the ignore file (where it would be created when absent). */
  ignorePath: string;
  /** Text of the ignore file ('' when absent): fix edits refer to it. */
  ignoreText: string;
  /**
   * True when none of the Dockerfile's plain COPY/ADD sources exist in the context: the image is
   * probably built with another context directory (e.g. `docker build -f docker/Dockerfile .`),
   * so rules about missing or excluded sources stay silent.
   */
  contextMismatch: boolean;
  /**
   * The other Dockerfiles in the context directory that read the same ignore file (BuildKit reads
   * the context's `.dockerignore` for every Dockerfile without its own): a line added for this
   * Dockerfile changes their builds too.
   */
  siblings: readonly SiblingDockerfile[];
  options: Record<string, unknown>;
  settings: RuleSettings;
  /** Edits that append lines at the end of the ignore file (creating it), in its line-ending style. */
  appendToIgnore(lines: string[]): Edit[];
  report(d: ContextReportDescriptor): void;
}

/** A tree for documentation examples: relative path -> file content (`null` for an empty directory). */
export type ExampleTree = Record<string, string | null>;

export interface ContextRuleDocs extends RuleDocs {
  /** The tree `bad` shows; a test builds it on disk and the rule must fire. */
  badFiles: ExampleTree;
  /** The tree `good` shows; the rule must stay silent on it. */
  goodFiles: ExampleTree;
  /** Rule options the examples are checked with. */
  exampleOptions?: Record<string, unknown>;
}

export type ContextRule = Rule<ContextRuleContext> & { meta: RuleMeta & { docs: ContextRuleDocs } };

export function defineContextRule(rule: Omit<ContextRule, 'meta'> & { meta: Omit<RuleMeta, 'docs'> & { docs: ContextRuleDocs } }): ContextRule {
  return rule as ContextRule;
}

/**
 * Documentation example of a tree: the files themselves, and the text shown in the docs (every file
 * with its content; Dockerfile first, then `.dockerignore`, then the rest). The text is made when
 * first read: rule modules load on every lint, their docs only for `explain` and the generated docs.
 */
export function exampleTree(files: ExampleTree): { readonly text: string; files: ExampleTree } {
  let text: string | undefined;
  return { files, get text() { return (text ??= treeText(files)); } };
}

function treeText(files: ExampleTree): string {
  const order = (p: string) => (p === 'Dockerfile' ? 0 : p.endsWith('.dockerignore') ? 1 : 2);
  const names = Object.keys(files).sort((a, b) => order(a) - order(b) || compareStrings(a, b));
  const blocks: string[] = [];
  const others: string[] = [];
  for (const n of names) {
    const c = files[n];
    if (c === null) others.push(`${n}/`);
    else if (order(n) < 2 || c.includes('\n')) blocks.push(`# ---- ${n} ----\n${c.replace(/\n$/, '')}`);
    else others.push(c === '' ? n : `${n}  (${c.length} bytes)`);
  }
  if (!names.some((n) => n.endsWith('.dockerignore'))) blocks.splice(1, 0, '# ---- .dockerignore ----\n# (no .dockerignore)');
  if (others.length) blocks.push(`# ---- other files in the context ----\n${others.join('\n')}`);
  return `${blocks.join('\n\n')}\n`;
}
