import type { Span } from '../source.js';

/** A shell word; `value` has quotes and escapes removed, expansions left as written. Spans are source offsets. */
export interface ShellWord extends Span {
  value: string;
  raw: string;
  /** Contains an unquoted or double-quoted `$`/backtick expansion. */
  expands: boolean;
}

export interface Redirect extends Span {
  op: string;
  target: ShellWord | null;
}

export interface Command extends Span {
  /** Command name (first word's value), e.g. `apt-get`. Empty for pure assignments. */
  name: string;
  /** The name without a leading path (`/usr/bin/apt-get` -> `apt-get`): what rules match on. */
  base: string;
  /** All words including the name. */
  words: ShellWord[];
  /** Words after the name. */
  args: ShellWord[];
  assignments: ShellWord[];
  redirects: Redirect[];
  /** Operator that joins this command to the previous one: `&&`, `||`, `;`, `|`, `&`, newline, or ''. */
  before: string;
  /** Operator after this command. */
  after: string;
  /** Inside `$(...)`, backticks or a subshell/group. */
  nested: boolean;
  /** The innermost `{ ...; }` group or `( ... )` subshell around this command, if any. */
  group: CommandGroup | undefined;
}

/** A `{ ...; }` group or `( ... )` subshell: where the output of the commands inside goes. */
export interface CommandGroup {
  /** Redirections after the closing `}` or `)` (`{ echo a; echo b; } > file`). */
  redirects: Redirect[];
  /** Operator after the group (`|` when it pipes into the next command). */
  after: string;
  /** Source offset just past the closing `}` or `)`. */
  end: number;
  /** Whether the group itself is nested (see Command.nested). */
  nested: boolean;
  parent: CommandGroup | undefined;
}

export interface ShellScript {
  commands: Command[];
  /** Logical text that was parsed (for diagnostics). */
  text: string;
  /** True when the script contains a pipe `|` between commands. */
  hasPipe: boolean;
}
