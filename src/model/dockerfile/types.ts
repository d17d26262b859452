import type { LogicalText } from '../logical.js';
import type { SourceFile, Span } from '../source.js';
import type { ShellScript } from '../shell/types.js';

/** A whitespace-separated word of an instruction; `value` has quotes and escapes removed. */
export interface Word extends Span {
  value: string;
  raw: string;
}

/** `--name[=value]` before an instruction's arguments. Unknown flags are kept, never fatal. */
export interface Flag extends Span {
  name: string;
  value: string | null;
  /** Span of the value (after `=`), when present. */
  valueSpan: Span | null;
  /** For `--mount`: the comma-separated `key=value` options, keys lower-cased. */
  options: Map<string, string> | null;
}

export interface Heredoc extends Span {
  /** Delimiter word as written after `<<` / `<<-`, without quotes. */
  delimiter: string;
  /** Quoted delimiters disable expansion in the body. */
  quoted: boolean;
  /** `<<-` strips leading tabs. */
  stripTabs: boolean;
  /** Span of the `<<EOF` marker in the instruction line. */
  marker: Span;
  /** The body text (without the terminator line) and its span in the source. */
  body: string;
  bodySpan: Span;
  /** Whether a terminator line was found. */
  terminated: boolean;
}

export interface KeyValue {
  key: string;
  value: string;
  keySpan: Span;
  /** Span of the value as written (may be empty when the value is empty). */
  valueSpan: Span;
  /** Whole `key=value` span. */
  span: Span;
  /** ARG without a default. */
  hasValue: boolean;
}

export interface ImageRef {
  raw: string;
  registry: string | null;
  /** Repository path without registry, e.g. `library/node` is reported as written: `node`. */
  repository: string;
  tag: string | null;
  digest: string | null;
}

export type InstructionKeyword =
  | 'FROM' | 'RUN' | 'CMD' | 'ENTRYPOINT' | 'SHELL' | 'COPY' | 'ADD' | 'ENV' | 'ARG' | 'LABEL'
  | 'EXPOSE' | 'USER' | 'WORKDIR' | 'VOLUME' | 'STOPSIGNAL' | 'HEALTHCHECK' | 'ONBUILD' | 'MAINTAINER';

export interface Instruction extends Span {
  /** Upper-cased keyword as written (unknown keywords kept, with `error` set). */
  keyword: string;
  keywordSpan: Span;
  /** 1-based line of the keyword. */
  line: number;
  /** The arguments after the keyword, continuation lines joined, mapped to the source. */
  args: LogicalText;
  /** Flags (`--x=y`) at the start of the arguments. */
  flags: Flag[];
  /** Words of the arguments after the flags (quotes honoured). */
  words: Word[];
  /** Logical offset where the arguments after the flags begin. */
  restStart: number;
  /** Exec form (`["a","b"]`): the parsed strings and their spans; null for shell form. */
  json: { values: string[]; spans: Span[]; span: Span } | null;
  heredocs: Heredoc[];
  /** Index of the stage this instruction belongs to (-1 before the first FROM). */
  stage: number;
  /** For ONBUILD: the trigger instruction. For a trigger: the ONBUILD instruction containing it. */
  trigger: Instruction | null;
  parent: Instruction | null;
  /** Parsed key/values for ENV, LABEL and ARG. */
  pairs: KeyValue[];
  /** A syntax problem Docker would reject, reported as a finding; other rules still run. */
  error: { message: string; span: Span } | null;
  /** Comments that sat inside the instruction's continuation lines. */
  innerComments: Comment[];
}

export interface Comment extends Span {
  /** Text after `#`, trimmed. */
  text: string;
  line: number;
}

export interface Directive extends Span {
  name: string;
  value: string;
  line: number;
}

export interface Stage {
  index: number;
  /** Lower-cased alias from `AS name`, or null. */
  alias: string | null;
  aliasSpan: Span | null;
  from: Instruction;
  /** Base image as written, and with ARG defaults resolved (null if a variable stayed unresolved). */
  image: string;
  imageSpan: Span;
  resolvedImage: string | null;
  ref: ImageRef | null;
  /** Index of the earlier stage this one builds FROM, or null for an external image. */
  parentStage: number | null;
  platform: Flag | null;
  instructions: Instruction[];
}

export interface Dockerfile {
  source: SourceFile;
  directives: Directive[];
  escape: '\\' | '`';
  instructions: Instruction[];
  comments: Comment[];
  stages: Stage[];
  /** ARG instructions before the first FROM. */
  globalArgs: Instruction[];
  /** Stages whose filesystem and config end up in the final image: the last stage and its FROM ancestors. */
  shippedStages: Set<number>;
  /** The first stage named `alias` (lower case, as stored in `Stage.alias`), if any. */
  stageNamed(alias: string): Stage | undefined;
  /** Parsed shell script of a RUN (shell form, or a heredoc body run by a shell); cached. */
  script(instr: Instruction): ShellScript;
  /** Value of a variable visible at `instr` (ARG/ENV in scope), or undefined when unknown. */
  variable(instr: Instruction, name: string): string | undefined;
  /** Expand `$VAR`/`${VAR...}` using the scope at `instr`; null if any variable is unknown. */
  expand(instr: Instruction, text: string): string | null;
}
