import { END, Lexer, WORD, isRedirectOp } from './lexer.js';
import type { Command, CommandGroup, Redirect, ShellScript, ShellWord } from './types.js';

/**
 * The groups and subshells around a command, innermost first. Only so far out: scripts nest a few,
 * and a hostile one nesting thousands around as many commands would make every walk out quadratic.
 */
export function enclosingGroups(c: Pick<Command, 'group'>): CommandGroup[] {
  const out: CommandGroup[] = [];
  for (let g = c.group; g && out.length < MAX_GROUP_DEPTH; g = g.parent) out.push(g);
  return out;
}

const MAX_GROUP_DEPTH = 32;

/** Command name without a leading path: `/usr/bin/apt-get` -> `apt-get`. */
export function baseName(name: string): string {
  // (A loop from the end: lastIndexOf is a slow runtime call, and names are short.)
  let i = name.length - 1;
  while (i >= 0 && name.charCodeAt(i) !== 47 /* / */) i--;
  return i >= 0 ? name.slice(i + 1) : name;
}

/** Maps logical offsets of the parsed text to source offsets. */
export interface OffsetMap {
  toSource(i: number): number;
  toSourceEnd(i: number): number;
}

// What a word at the start of a command is, when it is an unquoted keyword.
const NOT_KEYWORD = 0;
const SKIPPED = 1; // if then else elif fi do done while until { } ! time [[
const LOOP = 2; // for, select: skip up to `do`
const CASE = 3;
const FUNCTION = 4;

/**
 * The keyword kind of the (nonempty) word `w`. Its first character sorts out most words before
 * any string comparison (comparing a fresh string with a literal reads both).
 */
function keywordOf(w: string): number {
  switch (w.charCodeAt(0)) {
    case 123 /* { */:
    case 125 /* } */:
    case 33 /* ! */:
      return w.length === 1 ? SKIPPED : NOT_KEYWORD;
    case 91 /* [ */:
      return w === '[[' ? SKIPPED : NOT_KEYWORD;
    case 105 /* i */:
      return w === 'if' ? SKIPPED : NOT_KEYWORD;
    case 102 /* f */:
      return w === 'fi' ? SKIPPED : w === 'for' ? LOOP : w === 'function' ? FUNCTION : NOT_KEYWORD;
    case 100 /* d */:
      return w === 'do' || w === 'done' ? SKIPPED : NOT_KEYWORD;
    case 116 /* t */:
      return w === 'then' || w === 'time' ? SKIPPED : NOT_KEYWORD;
    case 101 /* e */:
      return w === 'else' || w === 'elif' ? SKIPPED : NOT_KEYWORD;
    case 119 /* w */:
      return w === 'while' ? SKIPPED : NOT_KEYWORD;
    case 117 /* u */:
      return w === 'until' ? SKIPPED : NOT_KEYWORD;
    case 99 /* c */:
      return w === 'case' ? CASE : NOT_KEYWORD;
    case 115 /* s */:
      return w === 'select' ? LOOP : NOT_KEYWORD;
    default:
      return NOT_KEYWORD;
  }
}

/** Whether the (nonempty) raw word `s` is all digits, as an fd before a redirection. */
function isDigits(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

const isNameStart = (c: number): boolean => (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95;
const isNameChar = (c: number): boolean => isNameStart(c) || (c >= 48 && c <= 57);

/** Whether the raw word is an assignment: `/^[A-Za-z_][A-Za-z0-9_]*(\[[^\]]*\])?\+?=/`. */
function isAssignment(raw: string): boolean {
  // (Every read is inside the string: charCodeAt past the end gives NaN, which V8 handles slowly.)
  const n = raw.length;
  if (!isNameStart(raw.charCodeAt(0))) return false;
  let i = 1;
  while (i < n && isNameChar(raw.charCodeAt(i))) i++;
  if (i < n && raw.charCodeAt(i) === 91 /* [ */) {
    const close = raw.indexOf(']', i + 1);
    if (close < 0) return false;
    i = close + 1;
  }
  if (i < n && raw.charCodeAt(i) === 43 /* + */) i++;
  return i < n && raw.charCodeAt(i) === 61 /* = */;
}

// The innermost `case` construct is reading its header (up to `in`), a pattern (up to `)`) or a body.
const HEADER = 1;
const PATTERN = 2;
const BODY = 3;

/** Reads the tokens of one script (or substitution) into simple commands. */
class ShellParser {
  readonly commands: Command[] = [];
  hasPipe = false;
  private readonly lx: Lexer;
  private readonly map: OffsetMap;
  private readonly nested: boolean;

  // The command being read: `words` is null while there is none.
  private words: ShellWord[] | null = null;
  private args: ShellWord[] = [];
  private assigns: ShellWord[] = [];
  private redirects: Redirect[] = [];
  // Its source span so far: the start of its first word or redirection, the end of its last.
  private start = 0;
  private end = 0;

  /** Operator before the next command. */
  private before = '';
  /** Subshell / group depth. */
  private depth = 0;
  /** Open `{`/`(` groups, innermost last. */
  private readonly groups: CommandGroup[] = [];
  /** The group just closed: the redirections and the operator after it are its own. */
  private closed: CommandGroup | undefined = undefined;
  /** Inside a `for`/`select` header. */
  private skipUntilDo = false;
  private readonly cases: number[] = [];

  constructor(lx: Lexer, map: OffsetMap, nested: boolean) {
    this.lx = lx;
    this.map = map;
    this.nested = nested;
  }

  run(): void {
    const lx = this.lx;
    for (let kind = lx.next(); kind !== END; kind = lx.next()) {
      if (kind === WORD) {
        // Most words are arguments of a plain command: no keyword or case state to look at.
        if (this.words !== null && this.words.length > 0 && !this.skipUntilDo && this.cases.length === 0) this.addArg();
        else this.onWord();
      }
      else this.onOp(lx.op, lx.start, lx.end);
    }
    this.flush('');
  }

  private caseTop(): number {
    const n = this.cases.length;
    return n > 0 ? this.cases[n - 1] : 0;
  }

  private onWord(): void {
    const lx = this.lx;
    const value = lx.value;
    const words = this.words;
    const atStart = words === null || (words.length === 0 && this.assigns.length === 0);
    if (this.skipUntilDo) {
      if (value === 'do' && atStart) this.skipUntilDo = false;
      return;
    }
    const top = this.caseTop();
    if (top === HEADER) {
      if (value === 'in') this.cases[this.cases.length - 1] = PATTERN;
      return;
    }
    if (top === PATTERN) {
      if (value === 'esac') this.cases.pop();
      return; // pattern words until ')'
    }
    if (atStart && this.commandStart(value, top)) return;
    // fd prefix of a redirect: `2>&1`
    if (lx.redirectFollows() && isDigits(lx.raw)) return;
    const w = this.word();
    if (words === null) this.open(w.start);
    const ws = this.words!;
    if (ws.length === 0 && isAssignment(lx.raw)) this.assigns.push(w);
    else {
      if (ws.length > 0) this.args.push(w);
      ws.push(w);
    }
    this.end = w.end;
  }

  /** The current word, after the first of a command. */
  private addArg(): void {
    const lx = this.lx;
    if (lx.redirectFollows() && isDigits(lx.raw)) return; // fd prefix of a redirect: `2>&1`
    const w = this.word();
    this.args.push(w);
    this.words!.push(w);
    this.end = w.end;
  }

  /** Handle the word `value` where a command starts, if it is a keyword or a function definition. */
  private commandStart(value: string, top: number): boolean {
    const lx = this.lx;
    if (top === BODY && value === 'esac') {
      this.cases.pop();
      this.flush('');
      return true;
    }
    const kw = lx.raw === value ? keywordOf(value) : NOT_KEYWORD;
    switch (kw) {
      case SKIPPED:
        this.flush('');
        if (value === '{') this.openGroup();
        else if (value === '}') this.closeGroup(this.map.toSourceEnd(lx.end));
        return true;
      case LOOP:
        this.flush('');
        this.skipUntilDo = true;
        return true;
      case CASE:
        this.flush('');
        this.cases.push(HEADER);
        return true;
      case FUNCTION:
        // `function name [()] {` defines, does not run: skip the name and `()`.
        lx.skip();
        if (lx.skipOp(40 /* ( */)) lx.skip();
        return true;
    }
    // `name() {` function definition
    return lx.skipEmptyParens();
  }

  private onOp(op: string, start: number, end: number): void {
    if (isRedirectOp(op)) {
      this.redirect(op, start, end);
      return;
    }
    const top = this.caseTop();
    if (top === PATTERN) {
      if (op === ')') this.cases[this.cases.length - 1] = BODY;
      return;
    }
    if (op === ';;' || op === ';&') {
      this.flush(op);
      if (top === BODY) this.cases[this.cases.length - 1] = PATTERN;
      return;
    }
    if (this.skipUntilDo || top === HEADER) return;
    if (op === '(') {
      this.flush('');
      this.openGroup();
      this.depth++;
    } else if (op === ')') {
      this.flush('');
      this.depth = Math.max(0, this.depth - 1);
      this.closeGroup(this.map.toSourceEnd(end));
    } else {
      // Every other operator separates commands.
      if (op === '|' || op === '|&') this.hasPipe = true;
      if (this.closed && (this.words === null || this.words.length === 0)) this.closed.after = op;
      this.closed = undefined;
      this.flush(op);
    }
  }

  /** The redirection `op` at start..end, with the word after it as its target. */
  private redirect(op: string, start: number, end: number): void {
    const lx = this.lx;
    let target: ShellWord | null = null;
    if (lx.wordNext()) {
      // The target's substitutions are not parsed as commands.
      const mark = lx.subs.length;
      lx.next();
      lx.subs.length = mark;
      target = this.word();
      end = lx.end;
    }
    const map = this.map;
    const r: Redirect = { op, target, start: map.toSource(start), end: map.toSourceEnd(end) };
    if (this.words === null) this.open(r.start);
    // Right after a `}` or `)`, before any word: the group's own redirection.
    if (this.closed && this.words!.length === 0) this.closed.redirects.push(r);
    this.redirects.push(r);
    this.end = r.end;
  }

  /** The current word token as a ShellWord. */
  private word(): ShellWord {
    const lx = this.lx;
    return { value: lx.value, raw: lx.raw, expands: lx.expands, start: this.map.toSource(lx.start), end: this.map.toSourceEnd(lx.end) };
  }

  private openGroup(): void {
    const n = this.groups.length;
    this.groups.push({ redirects: [], after: '', end: 0, nested: this.nested || this.depth > 0, parent: n > 0 ? this.groups[n - 1] : undefined });
    this.closed = undefined;
  }

  /** Close the innermost group (a stray `}` or `)` closes none). */
  private closeGroup(end: number): void {
    const g = this.groups.pop();
    if (g) g.end = end;
    this.closed = g;
  }

  private open(start: number): void {
    this.words = [];
    this.args = [];
    this.assigns = [];
    this.redirects = [];
    this.start = start;
  }

  /** End the current command (if any); `after` is the operator that ended it. */
  private flush(after: string): void {
    const words = this.words;
    if (words !== null) {
      const name = words.length > 0 ? words[0].value : '';
      this.commands.push({
        name,
        base: baseName(name),
        words,
        args: this.args,
        assignments: this.assigns,
        redirects: this.redirects,
        before: this.before,
        after,
        nested: this.nested || this.depth > 0,
        group: this.groups.length > 0 ? this.groups[this.groups.length - 1] : undefined,
        start: this.start,
        end: this.end,
      });
      this.words = null;
      this.before = after;
    } else if (after !== '\n') {
      this.before = after;
    }
  }
}

/**
 * Stable sort by `start`. Lists are short and nearly sorted (a few substitution commands to move
 * back): insertion sort needs no comparator calls there; long lists use the built-in sort.
 */
function sortByStart(commands: Command[]): void {
  if (commands.length > 64) {
    commands.sort((a, b) => a.start - b.start);
    return;
  }
  for (let i = 1; i < commands.length; i++) {
    const c = commands[i];
    let j = i - 1;
    if (commands[j].start <= c.start) continue;
    while (j >= 0 && commands[j].start > c.start) {
      commands[j + 1] = commands[j];
      j--;
    }
    commands[j + 1] = c;
  }
}

/**
 * Command substitutions nested deeper than this are left as words. Scripts nest a few levels; each
 * level re-reads the text inside it, so a hostile `$($($(...)))` would cost time quadratic in its
 * depth (and call stack) without a bound.
 */
const MAX_SUBSTITUTION_DEPTH = 32;

/** Parse a shell script into simple commands. Never throws; odd constructs degrade to words. */
export function parseShell(text: string, map: OffsetMap, from = 0, to = text.length, nested = false): ShellScript {
  return parseAt(text, map, from, to, nested, 0);
}

function parseAt(text: string, map: OffsetMap, from: number, to: number, nested: boolean, level: number): ShellScript {
  const lx = new Lexer(text, from, to);
  const p = new ShellParser(lx, map, nested);
  p.run();
  const commands = p.commands;
  let hasPipe = p.hasPipe;
  const subs = lx.subs;
  for (let q = 0; level < MAX_SUBSTITUTION_DEPTH && q < subs.length; q += 2) {
    const s = subs[q];
    const e = subs[q + 1];
    if (e <= s) continue;
    const inner = parseAt(text, map, s, e, true, level + 1);
    for (const c of inner.commands) commands.push(c);
    if (inner.hasPipe) hasPipe = true;
  }
  // Commands found inside substitutions were appended last: keep source order for rules.
  if (subs.length > 0 && !nested) sortByStart(commands);
  return { commands, text: text.slice(from, to), hasPipe };
}
