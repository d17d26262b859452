import { partitionPoint } from '../../search.js';
import { LogicalText } from '../logical.js';
import { SourceFile, type Span } from '../source.js';
import { baseName, parseShell } from '../shell/parse.js';
import type { Command, ShellScript } from '../shell/types.js';
import { innermostCommand, isWrapper } from '../shell/wrappers.js';
import { expandVars } from './expand.js';
import { parseImageRef } from './image-ref.js';
import type { Comment, Directive, Dockerfile, Flag, Heredoc, Instruction, KeyValue, Stage, Word } from './types.js';
import { isFlagWord, isSpaceAt, parseFlags, parsePairs, placeWords, readJsonStrings, splitWords, type LWord } from './words.js';

export const KNOWN_INSTRUCTIONS = new Set([
  'FROM', 'RUN', 'CMD', 'ENTRYPOINT', 'SHELL', 'COPY', 'ADD', 'ENV', 'ARG', 'LABEL', 'EXPOSE', 'USER',
  'WORKDIR', 'VOLUME', 'STOPSIGNAL', 'HEALTHCHECK', 'ONBUILD', 'MAINTAINER',
]);
/** The known keywords by length, most used first: a keyword is matched in place, without a slice. */
const KEYWORDS_BY_LENGTH: string[][] = [];
for (const k of ['RUN', 'COPY', 'ENV', 'FROM', 'ARG', 'WORKDIR', 'LABEL', 'EXPOSE', 'ADD', 'CMD', 'USER', 'ENTRYPOINT', 'VOLUME', 'MAINTAINER', 'HEALTHCHECK', 'SHELL', 'ONBUILD', 'STOPSIGNAL']) {
  (KEYWORDS_BY_LENGTH[k.length] ??= []).push(k);
}
const DIRECTIVE = /^#[ \t]*([A-Za-z][A-Za-z0-9_-]*)[ \t]*=[ \t]*(.*?)[ \t]*$/;
const HEREDOC_WORD = /^(\d*)<<(-?)([^<]+)$/;
/**
 * The one empty list that instructions without flags, pairs, heredocs or inner comments share (most
 * have none): frozen, since it is shared. Lists with items are made where the first item is found.
 */
const NONE = Object.freeze([]) as unknown as never[];
const SHELLS = new Set(['sh', 'bash', 'ash', 'dash', 'zsh', 'ksh', '/bin/sh', '/bin/bash', '/bin/ash', '/bin/dash', '/bin/zsh', '/usr/bin/env']);

/** Parse a Dockerfile. Never throws: problems become `error` on the offending instruction. */
export function parseDockerfile(path: string, text: string): Dockerfile {
  const source = new SourceFile(path, text);
  const directives: Directive[] = [];
  const escape = readDirectives(source, directives);
  const reader = new Reader(source, escape);
  reader.readFrom(directives.length + 1);
  return buildModel(source, directives, escape, reader.instructions, reader.comments);
}

/** Parser directives: only at the very top, before any blank line, comment or instruction. Returns the escape. */
function readDirectives(source: SourceFile, directives: Directive[]): '\\' | '`' {
  const text = source.text;
  let escape: '\\' | '`' = '\\';
  for (let li = 1; li <= source.lineCount; li++) {
    let ls = source.lineStart(li);
    if (li === 1 && text.charCodeAt(0) === 0xfeff) ls = 1;
    const le = source.lineEnd(li);
    // Most files start with an instruction: a printable character other than `#` cannot begin a directive.
    const c = text.charCodeAt(ls);
    if (ls >= le || (c > 32 && c < 127 && c !== 35)) break;
    // A comment line without `=` (a licence header...) is no directive: no slice and regex for it.
    const eq = text.indexOf('=', ls);
    if (eq < 0 || eq >= le) break;
    const m = DIRECTIVE.exec(text.slice(ls, le).trimStart());
    if (!m) break;
    const name = m[1].toLowerCase();
    if ((name !== 'syntax' && name !== 'escape' && name !== 'check') || directives.some((d) => d.name === name)) break;
    directives.push({ name, value: m[2], line: li, start: ls, end: le });
    if (name === 'escape' && m[2] === '`') escape = '`';
  }
  return escape;
}

/** Reads the instructions and comments after the directives, line by line over the source's line index. */
class Reader {
  readonly instructions: Instruction[] = [];
  readonly comments: Comment[] = [];
  private readonly text: string;
  private readonly starts: number[];
  /** The escape character, by code. */
  private readonly esc: number;
  /** Comment lines inside the continuation lines of the instruction being read (null while none). */
  private innerComments: Comment[] | null = null;
  /** The offset of a `<` at or after the last place asked about (text.length when none is left): see mayHoldLess(). */
  private nextLess = -1;

  constructor(source: SourceFile, private readonly escape: '\\' | '`') {
    this.text = source.text;
    this.starts = source.lineStarts;
    this.esc = escape.charCodeAt(0);
  }

  /** Offset just past line `li`'s last character (SourceFile.lineEnd). */
  private lineEnd(li: number): number {
    const starts = this.starts;
    let end = li >= starts.length ? this.text.length : starts[li] - 1;
    if (end > starts[li - 1] && this.text.charCodeAt(end - 1) === 13) end--;
    return end;
  }

  readFrom(li: number): void {
    const text = this.text;
    const lines = this.starts.length;
    while (li <= lines) {
      let ls = this.starts[li - 1];
      if (li === 1 && text.charCodeAt(0) === 0xfeff) ls = 1;
      const le = this.lineEnd(li);
      let p = ls;
      while (p < le && isBlankAt(text, p)) p++;
      if (p >= le) { li++; continue; }
      if (text.charCodeAt(p) === 35) {
        this.comments.push(this.comment(li, p, le));
        li++;
        continue;
      }
      li = this.readInstruction(li, p, le);
    }
  }

  private comment(li: number, p: number, le: number): Comment {
    // The text after `#`, trimmed in place (trim() removes what isSpaceAt() sees): one slice, not two.
    const text = this.text;
    let a = p + 1;
    let b = le;
    while (a < b && isSpaceAt(text, a)) a++;
    while (b > a && isSpaceAt(text, b - 1)) b--;
    return { text: text.slice(a, b), line: li, start: p, end: le };
  }

  /** Read the instruction whose keyword starts at `p` on line `li` (which ends at `le`); returns the line after it. */
  private readInstruction(li: number, p: number, le: number): number {
    const text = this.text;
    let kwEnd = p;
    while (kwEnd < le && !isSpaceAt(text, kwEnd)) kwEnd++;
    const keyword = keywordAt(text, p, kwEnd);
    this.innerComments = null;
    let logical: LogicalText;
    let lastLine = li;
    // Most instructions are one line: their arguments are one piece of the file's text.
    const cont = this.continuation(li, kwEnd, le);
    if (cont < 0) logical = LogicalText.of(kwEnd, text.slice(kwEnd, le));
    else {
      logical = new LogicalText();
      lastLine = this.joinLines(logical, li, kwEnd, cont);
      if (logical.text.length === 0) logical.appendSynthetic(kwEnd, '');
    }
    const oneLine = cont < 0;
    const instr = makeInstruction(keyword, { start: p, end: kwEnd }, li, logical, oneLine ? text : logical.text, oneLine ? kwEnd : 0, this.escape, this.innerComments ?? NONE);
    this.instructions.push(instr);
    let end = this.lineEnd(lastLine);
    let nextLine = lastLine + 1;

    // Heredoc bodies follow the instruction line, in marker order.
    const target = keyword === 'ONBUILD' && instr.trigger ? instr.trigger : instr;
    const tk = target.keyword;
    // (Only when the text can hold a `<<` marker: splitting the words again costs time on every RUN.)
    if ((tk === 'RUN' || tk === 'COPY' || tk === 'ADD') && this.mayHoldLess(kwEnd, end) && logical.text.includes('<<')) {
      for (const w of splitWords(logical.text, 0, logical.text.length, this.escape)) {
        const m = HEREDOC_WORD.exec(w.raw);
        if (!m) continue;
        const rawDelim = m[3];
        const delimiter = rawDelim.replace(/["']/g, '').replace(/^\\/, '');
        if (!delimiter) continue;
        const marker = { start: logical.toSource(w.start), end: logical.toSourceEnd(w.end) };
        const body = this.readHeredocBody(nextLine, delimiter, m[2] === '-');
        nextLine = body.nextLine;
        if (body.end >= 0) end = body.end;
        const hd: Heredoc = {
          delimiter,
          quoted: /["']/.test(rawDelim),
          stripTabs: m[2] === '-',
          marker,
          body: text.slice(body.start, body.bodyEnd),
          bodySpan: { start: body.start, end: body.bodyEnd },
          terminated: body.terminated,
          start: logical.toSource(w.start),
          end,
        };
        if (target.heredocs === NONE) target.heredocs = [];
        target.heredocs.push(hd);
        if (!hd.terminated && !target.error) target.error = { message: `heredoc "${delimiter}" is never terminated: add a line containing only ${delimiter}`, span: hd.marker };
      }
      if (target.heredocs.length > 0 && target.error?.message.includes('requires')) target.error = null;
    }
    instr.end = Math.max(end, instr.keywordSpan.end);
    if (instr.trigger) instr.trigger.end = instr.end;
    return nextLine;
  }

  /**
   * Can text[from, to) hold a `<`? Asked for each instruction in order, so one forward search over the
   * file answers them all; without a `<` there is no heredoc to look for in the (larger) joined text.
   */
  private mayHoldLess(from: number, to: number): boolean {
    if (this.nextLess < from) {
      const i = this.text.indexOf('<', from);
      this.nextLess = i < 0 ? this.text.length : i;
    }
    return this.nextLess < to;
  }

  /** If line `li`, from `segStart` to its end `le`, ends with an escape that continues it: that escape's offset; else -1. */
  private continuation(li: number, segStart: number, le: number): number {
    const text = this.text;
    let e = le;
    while (e > segStart && isBlankAt(text, e - 1)) e--;
    // BuildKit: an escape at the end continues the line unless it is itself escaped (`C:\\dir\\`).
    if (e > segStart && text.charCodeAt(e - 1) === this.esc && (e - 2 < this.starts[li - 1] || text.charCodeAt(e - 2) !== this.esc)) return e - 1;
    return -1;
  }

  /**
   * Join continuation lines into `logical`: line `li` from `segStart` is continued by the escape at
   * `cont`. Comment and blank lines inside a continuation are dropped, as Docker does. Returns the
   * instruction's last line.
   */
  private joinLines(logical: LogicalText, li: number, segStart: number, cont: number): number {
    const text = this.text;
    for (;;) {
      logical.append(segStart, text.slice(segStart, cont));
      const next = this.skipToContinued(li + 1);
      if (next > this.starts.length) return li;
      li = next;
      segStart = this.starts[next - 1];
      const le = this.lineEnd(next);
      cont = this.continuation(next, segStart, le);
      if (cont < 0) {
        logical.append(segStart, text.slice(segStart, le));
        return li;
      }
    }
  }

  /** After a continued line: the next line that holds text, collecting the comment lines skipped (may be past the end). */
  private skipToContinued(next: number): number {
    const text = this.text;
    for (; next <= this.starts.length; next++) {
      const ns = this.starts[next - 1];
      const ne = this.lineEnd(next);
      let q = ns;
      while (q < ne && isBlankAt(text, q)) q++;
      if (q >= ne) continue;
      if (text.charCodeAt(q) !== 35) break;
      const c = this.comment(next, q, ne);
      (this.innerComments ??= []).push(c);
      this.comments.push(c);
    }
    return next;
  }

  /**
   * A heredoc body from line `from` up to its terminator line. `end` is the end of the last line
   * read (-1 when none was), `nextLine` the line after the terminator.
   */
  private readHeredocBody(from: number, delimiter: string, stripTabs: boolean): { start: number; bodyEnd: number; end: number; terminated: boolean; nextLine: number } {
    const text = this.text;
    const lines = this.starts.length;
    const start = from <= lines ? this.starts[from - 1] : text.length;
    let bodyEnd = start;
    let end = -1;
    for (let ln = from; ln <= lines; ln++) {
      const s = this.starts[ln - 1];
      const e = this.lineEnd(ln);
      let q = s;
      if (stripTabs) while (q < e && text.charCodeAt(q) === 9) q++;
      end = e;
      if (e - q === delimiter.length && text.startsWith(delimiter, q)) return { start, bodyEnd: s, end, terminated: true, nextLine: ln + 1 };
      bodyEnd = ln < lines ? this.starts[ln] : text.length;
    }
    return { start, bodyEnd, end, terminated: false, nextLine: lines + 1 };
  }
}

/** The upper-cased keyword in text[start, end): a known one is matched in place (no slice, no toUpperCase). */
function keywordAt(text: string, start: number, end: number): string {
  const candidates = KEYWORDS_BY_LENGTH[end - start];
  if (candidates) {
    // (Compared first by their first letter, in either case.)
    const first = text.charCodeAt(start) | 0x20;
    for (const k of candidates) if ((k.charCodeAt(0) | 0x20) === first && matchesUpper(text, start, k)) return k;
  }
  return internKeyword(text.slice(start, end).toUpperCase());
}

/**
 * The same keyword as a string V8 has internalized, as its literals are: V8 compares such strings
 * (`keyword === 'RUN'`, in the parser and all over the rules) by pointer, until one string made at
 * run time (an ONBUILD trigger's or an unknown keyword) turns each comparison into a slower one.
 */
function internKeyword(upper: string): string {
  for (const k of KEYWORDS_BY_LENGTH[upper.length] ?? NONE) if (k === upper) return k;
  // (A property name is internalized.)
  return Object.keys({ [upper]: 0 })[0];
}

/** Does `text` at `at` spell the upper-case ASCII word `k`, in any case? */
function matchesUpper(text: string, at: number, k: string): boolean {
  for (let i = 0; i < k.length; i++) {
    const c = text.charCodeAt(at + i);
    const u = k.charCodeAt(i);
    // `u` is a letter: c | 0x20 equals u | 0x20 only for that letter in either case.
    if (c !== u && (c | 0x20) !== (u | 0x20)) return false;
  }
  return true;
}

/** Keywords that take `--flags` before their arguments. */
function takesFlags(keyword: string): boolean {
  return keyword === 'RUN' || keyword === 'COPY' || keyword === 'FROM' || keyword === 'ADD' || keyword === 'HEALTHCHECK';
}

/** Keywords whose words are split on first read (see makeInstruction). */
function splitsLate(keyword: string): boolean {
  return keyword === 'RUN' || keyword === 'CMD' || keyword === 'ENTRYPOINT' || keyword === 'SHELL' || keyword === 'VOLUME' || keyword === 'STOPSIGNAL';
}

/** Keywords with an exec (JSON array) form. */
function hasJsonForm(keyword: string): boolean {
  switch (keyword) {
    case 'RUN': case 'CMD': case 'ENTRYPOINT': case 'SHELL': case 'COPY': case 'ADD': case 'VOLUME':
      return true;
    default:
      return false;
  }
}

/** The span an instruction's "requires ..." error points at: keyword and arguments. */
function argSpan(keywordSpan: Span, args: LogicalText): Span {
  return { start: keywordSpan.start, end: Math.max(keywordSpan.end, args.toSourceEnd(args.text.trimEnd().length)) };
}

// Known instruction flags that take a value (the others, such as --link or --parents, are booleans).
const VALUE_FLAGS = new Set(['from', 'chown', 'chmod', 'platform', 'mount', 'network', 'security', 'checksum', 'exclude', 'interval', 'timeout', 'start-period', 'start-interval', 'retries']);

/**
 * `text` holds the arguments from `from` on, contiguous: the file's text for a one-line instruction
 * (split in place: V8 reads a flat string faster than a slice of it), else `args.text` and 0.
 */
function makeInstruction(keyword: string, keywordSpan: Span, line: number, args: LogicalText, text: string, from: number, escape: string, innerComments: Comment[]): Instruction {
  // WORKDIR takes its whole argument as one path, quotes removed (`WORKDIR "C:\\Program Files\\app"`):
  // quotes group its words, of which the first says whether the path is absolute.
  const quotesGroup = keyword === 'ENV' || keyword === 'LABEL' || keyword === 'ARG' || keyword === 'WORKDIR';
  // Split only up to the first word after the flags here, the rest on first use, where the words are
  // seldom read: RUN's script is parsed by the shell parser (and RUN holds most of a Dockerfile's
  // text), and the others are mostly exec form, read as `json`.
  const lazy = splitsLate(keyword);
  const all = splitWords(text, from, from + args.text.length, escape, quotesGroup, lazy);
  const instr = new ParsedInstruction(keyword, keywordSpan, line, args, all.length > 0 ? all[0].start : args.text.length, innerComments, escape);
  let words: LWord[] = all;
  // (Without a leading flag word there is nothing to parse: restStart is already the first word.)
  if (takesFlags(keyword) && all.length > 0 && isFlagWord(all[0])) {
    const f = parseFlags(args, all);
    instr.flags = f.flags;
    instr.restStart = f.rest;
    words = all.slice(f.consumed);
  }

  // `[` that is not a JSON array of strings is shell form, except a valid JSON array holding something else.
  let jsonStart = -1;
  if (hasJsonForm(keyword) && args.text.charCodeAt(skipSpace(args.text, instr.restStart)) === 91) {
    instr.json = parseJsonForm(args, instr.restStart);
    if (!instr.json) jsonStart = args.text.indexOf('[', instr.restStart);
  }

  // (The keywords without a case of their own come first: they are most of the instructions.)
  switch (keyword) {
    case 'RUN': case 'CMD': case 'ENTRYPOINT': case 'SHELL': case 'EXPOSE': case 'USER': case 'WORKDIR': case 'VOLUME': case 'STOPSIGNAL': case 'MAINTAINER':
      if (words.length === 0) instr.error = { message: `${keyword} requires at least one argument`, span: argSpan(keywordSpan, args) };
      break;
    case 'ONBUILD': {
      if (words.length === 0) { instr.error = { message: 'ONBUILD requires an instruction to run later', span: argSpan(keywordSpan, args) }; break; }
      const sub = args.slice(words[0].start);
      const kwLen = words[0].raw.length;
      const trigArgs = sub.slice(kwLen);
      const trig = makeInstruction(internKeyword(words[0].raw.toUpperCase()), { start: args.toSource(words[0].start), end: args.toSourceEnd(words[0].end) }, line, trigArgs, trigArgs.text, 0, escape, NONE);
      trig.parent = instr;
      instr.trigger = trig;
      if (trig.error) instr.error = trig.error;
      break;
    }
    case 'ENV':
    case 'LABEL':
    case 'ARG': {
      const r = parsePairs(keyword, args, words, instr.restStart);
      instr.pairs = r.pairs;
      if (words.length === 0) instr.error = { message: `${keyword} requires at least one argument`, span: argSpan(keywordSpan, args) };
      else if (r.error && keyword !== 'ARG') instr.error = { message: r.error, span: argSpan(keywordSpan, args) };
      break;
    }
    case 'FROM':
      if (words.length === 0) instr.error = { message: 'FROM requires a base image', span: argSpan(keywordSpan, args) };
      else if (words.length !== 1 && !(words.length === 3 && words[1].value.toLowerCase() === 'as')) {
        instr.error = { message: 'FROM takes an image and an optional "AS name"', span: argSpan(keywordSpan, args) };
      }
      break;
    case 'COPY':
    case 'ADD':
      if (instr.json ? instr.json.values.length < 2 : words.length < 2) instr.error = { message: `${keyword} requires at least a source and a destination`, span: argSpan(keywordSpan, args) };
      break;
    case 'HEALTHCHECK': {
      const first = words[0]?.value.toUpperCase();
      if (first !== 'CMD' && first !== 'NONE') instr.error = { message: 'HEALTHCHECK must be followed by CMD <command> or NONE', span: argSpan(keywordSpan, args) };
      else if (first === 'CMD') {
        if (words.length < 2) instr.error = { message: 'HEALTHCHECK CMD requires a command', span: argSpan(keywordSpan, args) };
        const after = args.text.slice(words[0].end).trim();
        if (after.startsWith('[')) {
          instr.json = parseJsonForm(args, args.text.indexOf('[', words[0].end));
          if (!instr.json) jsonStart = args.text.indexOf('[', words[0].end);
        }
      }
      break;
    }
    default:
      // Not one of KNOWN_INSTRUCTIONS.
      instr.error = { message: `unknown instruction "${keyword}"`, span: keywordSpan };
  }
  // BuildKit's flags with a value need `=`: `COPY --from build /x /y` is refused (boolean ones, like --link, may stand alone).
  if (!instr.error && instr.flags.length > 0) {
    const bare = instr.flags.find((f) => f.value === null && VALUE_FLAGS.has(f.name));
    if (bare) instr.error = { message: `missing a value on flag --${bare.name}: write --${bare.name}=<value>`, span: { start: bare.start, end: bare.end } };
  }
  if (jsonStart >= 0 && !instr.error && isNonStringJsonArray(args.text, jsonStart)) {
    instr.error = { message: 'the exec form must be a JSON array of strings only: quote every element', span: { start: args.toSource(jsonStart), end: args.toSourceEnd(args.text.trimEnd().length) } };
  }
  // Last: this turns the words' logical offsets, read above, into source offsets.
  if (!lazy) instr.words = placeWords(words, args);
  return instr;
}

/**
 * An instruction as parsed. `words` is an accessor so that some keywords' are split on first read
 * (see splitsLate); the other keywords set theirs while parsing. One class for every keyword keeps
 * all instructions one hidden class (an own accessor per RUN, by defineProperty, was slow to add).
 */
class ParsedInstruction implements Instruction {
  flags: Flag[] = NONE;
  json: Instruction['json'] = null;
  heredocs: Heredoc[] = NONE;
  stage = -1;
  trigger: Instruction | null = null;
  parent: Instruction | null = null;
  pairs: KeyValue[] = NONE;
  error: Instruction['error'] = null;
  start: number;
  end: number;
  /** The words, once split (null until then). */
  private split: Word[] | null = null;

  constructor(
    public keyword: string,
    public keywordSpan: Span,
    public line: number,
    public args: LogicalText,
    public restStart: number,
    public innerComments: Comment[],
    /** The file's escape character, to split the words later. */
    private readonly escape: string,
  ) {
    this.start = keywordSpan.start;
    // Set by the reader, which knows where heredoc bodies end.
    this.end = 0;
  }

  get words(): Word[] {
    // Only splitsLate() keywords' are split here, and none of them groups quoted words.
    return (this.split ??= placeWords(splitWords(this.args.text, 0, this.args.text.length, this.escape, false).slice(this.flags.length), this.args));
  }

  set words(v: Word[]) {
    this.split = v;
  }
}

/** Is the character at `i` a space or a tab? (By code: no one-character strings made per character.) */
function isBlankAt(s: string, i: number): boolean {
  const c = s.charCodeAt(i);
  return c === 32 || c === 9;
}

/** The first index at or after `i` that is not whitespace (what `trim()` would skip), or `s.length`. */
function skipSpace(s: string, i: number): number {
  while (i < s.length && isSpaceAt(s, i)) i++;
  return i;
}

/** Parse `["a", "b"]` exec form; null when it is not a valid JSON array of strings (Docker then uses shell form). */
function parseJsonForm(args: LogicalText, from: number): Instruction['json'] {
  const s = args.text;
  const start = s.indexOf('[', from);
  let endIdx = s.length;
  while (endIdx > start && isSpaceAt(s, endIdx - 1)) endIdx--;
  const r = readJsonStrings(s, start, endIdx);
  if (!r) return null;
  const spans: Span[] = [];
  for (let k = 0; k < r.bounds.length; k += 2) spans.push({ start: args.toSource(r.bounds[k]), end: args.toSourceEnd(r.bounds[k + 1]) });
  return { values: r.values, spans, span: { start: args.toSource(start), end: args.toSourceEnd(endIdx) } };
}

/**
 * A valid JSON array with a non-string element (`CMD ["node", 3000]`): BuildKit rejects it instead of
 * falling back to shell form. Asked only when the fast string-array reader said no (rare).
 */
function isNonStringJsonArray(s: string, start: number): boolean {
  // Most such lines are PowerShell (`[Net.ServicePointManager]::...`): not ending in `]`, they cannot
  // be a JSON array, and a JSON.parse that throws is slow.
  const end = s.trimEnd().length;
  if (s.charCodeAt(end - 1) !== 93) return false;
  try {
    const v: unknown = JSON.parse(s.slice(start));
    return Array.isArray(v) && v.some((x) => typeof x !== 'string');
  } catch {
    return false;
  }
}

function buildModel(source: SourceFile, directives: Directive[], escape: '\\' | '`', instructions: Instruction[], comments: Comment[]): Dockerfile {
  const stages: Stage[] = [];
  const globalArgs: Instruction[] = [];
  const globalDefaults = new Map<string, string | undefined>();
  // For each name, the stages that set it with ENV (ascending): what stages built FROM them inherit.
  const envSetters = new Map<string, number[]>();
  const globalValue = (n: string): string | undefined => globalDefaults.get(n);
  // The first stage of each name: FROM and COPY --from look names up (a linear search per lookup
  // made a file of many stages quadratic).
  const byAlias = new Map<string, Stage>();
  for (const instr of instructions) {
    if (instr.keyword === 'FROM' && instr.words.length > 0) {
      const index = stages.length;
      const w = instr.words;
      const alias = w.length >= 3 && w[1].value.toLowerCase() === 'as' ? w[2].value.toLowerCase() : null;
      const image = w[0].value;
      const resolved = expandVars(image, globalValue, escape);
      // (Most files name no stage: no need to look for the base image among them.)
      const parent = byAlias.size > 0 ? byAlias.get((resolved ?? image).toLowerCase()) : undefined;
      const stage: Stage = {
        index,
        alias,
        aliasSpan: alias ? { start: w[2].start, end: w[2].end } : null,
        from: instr,
        image,
        imageSpan: { start: w[0].start, end: w[0].end },
        resolvedImage: resolved,
        ref: resolved !== null && !parent ? parseImageRef(resolved) : null,
        parentStage: parent ? parent.index : null,
        platform: flagNamed(instr.flags, 'platform'),
        instructions: [instr],
      };
      stages.push(stage);
      if (alias !== null && !byAlias.has(alias)) byAlias.set(alias, stage);
      instr.stage = index;
      continue;
    }
    if (stages.length === 0) {
      if (instr.keyword === 'ARG') {
        globalArgs.push(instr);
        // A default may use earlier global ARGs (`ARG TAG=${MAJOR}.5`): stored expanded, unknown if one is unknown.
        for (const p of instr.pairs) globalDefaults.set(p.key, p.hasValue ? (expandVars(p.value, globalValue, escape) ?? undefined) : globalDefaults.get(p.key));
      }
      continue;
    }
    const stage = stages[stages.length - 1];
    instr.stage = stage.index;
    if (instr.trigger) instr.trigger.stage = stage.index;
    stage.instructions.push(instr);
    if (instr.keyword === 'ENV') {
      for (const p of instr.pairs) {
        const list = envSetters.get(p.key);
        if (!list) envSetters.set(p.key, [stage.index]);
        else if (list[list.length - 1] !== stage.index) list.push(stage.index);
      }
    }
  }

  const shippedStages = new Set<number>();
  for (let s: Stage | undefined = stages[stages.length - 1]; s && !shippedStages.has(s.index); s = s.parentStage !== null ? stages[s.parentStage] : undefined) {
    shippedStages.add(s.index);
  }

  const scripts = new Map<Instruction, ShellScript>();
  const scriptOf = (instr: Instruction): ShellScript => {
    let sc = scripts.get(instr);
    if (!sc) scripts.set(instr, (sc = buildScript(instr, source.text)));
    return sc;
  };
  // The assignments each stage sees, worked out on first use: one walk per stage, not one per instruction asked about.
  const scopes: (StageScope | undefined)[] = [];
  let inherited: InheritedEnv | undefined;
  const scopeOf = (stage: number): StageScope => {
    const known = scopes[stage];
    if (known) return known;
    inherited ??= new InheritedEnv(stages, envSetters, (i) => scopes[i]!);
    // The stage and the ancestors without a scope yet, made and worked out from the root down.
    const chain: Stage[] = [];
    const parentOf = (st: Stage): Stage | undefined => stages[parentIndex(st)];
    for (let st: Stage | undefined = stages[stage]; st && !scopes[st.index]; st = parentOf(st)) chain.push(st);
    for (let i = chain.length - 1; i >= 0; i--) {
      const st = chain[i];
      const up = parentOf(st);
      const parent = up ? scopes[up.index] ?? null : null;
      const scope = new StageScope(st, parent, globalDefaults, inherited, escape);
      scope.compute();
      scopes[st.index] = scope;
    }
    return scopes[stage]!;
  };
  // Names a RUN's own script assigns (`PKG=x && apt-get install $PKG`): their ARG/ENV value is not what it uses.
  const assignedIn = new Map<Instruction, ReadonlySet<string>>();
  const scriptAssigns = (at: Instruction, name: string): boolean => {
    if (at.keyword !== 'RUN') return false;
    let names = assignedIn.get(at);
    if (!names) assignedIn.set(at, (names = shellAssignedNames(scriptOf(at))));
    return names.has(name);
  };
  const variable = (at: Instruction, name: string): string | undefined => {
    if (at.stage < 0 || at.keyword === 'FROM') return globalDefaults.get(name);
    if (scriptAssigns(at, name)) return undefined;
    return scopeOf(at.stage).valueBefore(assignedBefore(at), name);
  };

  return {
    source,
    directives,
    escape,
    instructions,
    comments,
    stages,
    globalArgs,
    shippedStages,
    stageNamed: (alias: string): Stage | undefined => byAlias.get(alias),
    script: scriptOf,
    variable,
    expand(instr: Instruction, t: string): string | null {
      // (Most texts hold no variable: no lookup closure for them.)
      if (!t.includes('$')) return t;
      if (instr.stage < 0 || instr.keyword === 'FROM') return expandVars(t, globalValue, escape);
      const scope = scopeOf(instr.stage);
      const before = assignedBefore(instr);
      return expandVars(t, (n) => (scriptAssigns(instr, n) ? undefined : scope.valueBefore(before, n)), escape);
    },
  };
}

const SETTERS = new Set(['export', 'declare', 'typeset', 'local', 'readonly']);

/** Variables a script sets for its later commands: plain assignments, export/declare/..., read, for. */
function shellAssignedNames(script: ShellScript): ReadonlySet<string> {
  const names = new Set<string>();
  const nameOf = (word: string): string => word.slice(0, Math.max(0, word.indexOf('=')));
  for (const c of script.commands) {
    // `X=1 cmd` sets X for cmd only; a command of assignments alone sets them for the script.
    if (c.name === '') for (const a of c.assignments) names.add(nameOf(a.value));
    else if (SETTERS.has(c.base)) for (const a of c.args) names.add(a.value.includes('=') ? nameOf(a.value) : a.value);
    else if (c.base === 'read') for (const a of c.args) if (!a.value.startsWith('-')) names.add(a.value);
  }
  for (const m of script.text.matchAll(/\b(?:for|select)\s+([A-Za-z_][A-Za-z0-9_]*)\s+in\b/g)) names.add(m[1]);
  names.delete('');
  return names;
}

function flagNamed(flags: Flag[], name: string): Flag | null {
  for (const f of flags) if (f.name === name) return f;
  return null;
}


/**
 * The ARG and ENV assignments of one stage, on top of the ENVs its parent stage ends with. An ARG is
 * seen only in its own stage; an ENV also in the stages built FROM it, with the value it got there
 * (from that stage's ARGs). Values are worked out in order, once per file: each assignment's text is
 * expanded with the values before it, so a long chain of stages or of ENVs that use the one before
 * costs linear time and no deep recursion.
 */
class StageScope {
  private readonly pairs: KeyValue[] = [];
  /** Whether each assignment is an ARG's (without a value, it takes the global default). */
  private readonly isArg: boolean[] = [];
  /** Source offset of each assignment's instruction (ascending). */
  private readonly offsets: number[] = [];
  /** Each assignment's value (undefined when unknown); filled in order by `compute`. */
  private readonly values: (string | undefined)[] = [];
  /** For each name, the indices of its assignments, ascending. */
  private readonly byKey = new Map<string, number[]>();
  /**
   * For each name, per position in its `byKey` list: the position of the last ENV at or before it
   * (-1: none). An ENV outranks an ARG of the same name whatever their order, as Docker documents.
   */
  private readonly envAt = new Map<string, number[]>();
  private computed = false;

  private readonly stageIndex: number;

  constructor(stage: Stage, private readonly parent: StageScope | null, private readonly globals: Map<string, string | undefined>, private readonly inherited: InheritedEnv, private readonly escape: string) {
    this.stageIndex = stage.index;
    for (const instr of stage.instructions) {
      const isArg = instr.keyword === 'ARG';
      if (!isArg && instr.keyword !== 'ENV') continue;
      for (const p of instr.pairs) {
        const k = this.pairs.length;
        this.pairs.push(p);
        this.isArg.push(isArg);
        this.offsets.push(instr.start);
        let list = this.byKey.get(p.key);
        let env = this.envAt.get(p.key);
        if (!list || !env) {
          this.byKey.set(p.key, (list = []));
          this.envAt.set(p.key, (env = []));
        }
        env.push(isArg ? (list.length > 0 ? env[list.length - 1] : -1) : list.length);
        list.push(k);
      }
    }
  }

  /** Works out every value of the stage, in order (the parent's are worked out first: see scopeOf). */
  compute(): void {
    if (this.computed) return;
    this.computed = true;
    for (let k = 0; k < this.pairs.length; k++) {
      const p = this.pairs[k];
      this.values.push(this.isArg[k] && !p.hasValue ? this.globals.get(p.key) : expandVars(p.value, (n) => this.valueBelow(k, n), this.escape) ?? undefined);
    }
  }

  /** The value of `name` for an instruction at offset `before` of this stage. */
  valueBefore(before: number, name: string): string | undefined {
    const list = this.byKey.get(name);
    if (list) {
      const at = partitionPoint(list.length, (i) => this.offsets[list[i]] >= before);
      if (at > 0) return this.valueAt(name, list, at - 1);
    }
    return this.parent?.envAtEnd(name);
  }

  /** The value of `name` after position `pos` of its assignments: an ARG's, unless an ENV set it first. */
  private valueAt(name: string, list: readonly number[], pos: number): string | undefined {
    const k = list[pos];
    if (!this.isArg[k]) return this.values[k];
    const env = this.envAt.get(name)![pos];
    if (env >= 0) return this.values[list[env]];
    const inherited = this.parent && this.inherited.sets(name) ? this.parent.envAtEnd(name) : undefined;
    return inherited !== undefined ? inherited : this.values[k];
  }

  /** The value the stage's last ENV of `name` left (or its nearest ancestor's), for a stage built FROM it. */
  private envAtEnd(name: string): string | undefined {
    return this.inherited.atEnd(this.stageIndex, name);
  }

  /** Whether the stage sets `name` with ENV, and the value its last such ENV leaves. */
  lastEnv(name: string): { set: boolean; value: string | undefined } {
    const list = this.byKey.get(name);
    const pos = list ? this.envAt.get(name)![list.length - 1] : -1;
    return pos >= 0 ? { set: true, value: this.values[list![pos]] } : { set: false, value: undefined };
  }

  /**
   * The value of `name` as assignment `k` sees it: from the last assignment before it. The keys of
   * one ENV all see the values from before that ENV (`ENV A=new B=$A` gives B the old A); those of
   * one ARG are applied one by one, as BuildKit does.
   */
  private valueBelow(k: number, name: string): string | undefined {
    const list = this.byKey.get(name);
    if (list) {
      let at = partitionPoint(list.length, (i) => list[i] >= k);
      if (!this.isArg[k]) while (at > 0 && this.offsets[list[at - 1]] === this.offsets[k]) at--;
      if (at > 0) return this.valueAt(name, list, at - 1);
    }
    return this.parent?.envAtEnd(name);
  }
}

/**
 * Which ENV value a stage ends with for a name: its own last ENV of it, else its nearest ancestor's
 * (stages built FROM stages). Found among the stages that set the name, newest first, with the
 * stage tree's depth-first intervals telling an ancestor (its interval holds the stage's): a chain
 * of thousands of stages each asking for another name costs neither a walk up the chain nor a
 * table in every stage (remembering answers in each stage passed took memory quadratic in it).
 */
class InheritedEnv {
  private readonly enter: Int32Array;
  private readonly leave: Int32Array;
  /** Answers found by walking up (see atEnd), by stage and name. */
  private readonly walked = new Map<string, string | undefined>();

  constructor(private readonly stages: readonly Stage[], private readonly setters: ReadonlyMap<string, readonly number[]>, private readonly scopeAt: (stage: number) => StageScope) {
    const n = stages.length;
    const children: number[][] = stages.map(() => []);
    const parent = (i: number): number => parentIndex(stages[i]);
    for (let i = 0; i < n; i++) if (parent(i) >= 0) children[parent(i)].push(i);
    this.enter = new Int32Array(n);
    this.leave = new Int32Array(n);
    let clock = 0;
    for (let root = 0; root < n; root++) {
      if (parent(root) >= 0) continue;
      const stack: Array<[number, number]> = [[root, 0]];
      this.enter[root] = clock++;
      while (stack.length > 0) {
        const top = stack[stack.length - 1];
        const kids = children[top[0]];
        if (top[1] < kids.length) {
          const child = kids[top[1]++];
          this.enter[child] = clock++;
          stack.push([child, 0]);
        } else {
          this.leave[top[0]] = clock++;
          stack.pop();
        }
      }
    }
  }

  /** Does some stage set `name` with ENV? */
  sets(name: string): boolean {
    return this.setters.has(name);
  }

  atEnd(stage: number, name: string): string | undefined {
    const list = this.setters.get(name);
    if (!list) return undefined;
    let i = partitionPoint(list.length, (k) => list[k] > stage) - 1;
    // Setters that are not ancestors (siblings) are skipped; past a few, walking up is cheaper.
    for (let skipped = 0; i >= 0 && skipped < MAX_SETTER_SKIPS; i--, skipped++) {
      const c = list[i];
      if (this.enter[c] <= this.enter[stage] && this.leave[stage] <= this.leave[c]) return this.scopeAt(c).lastEnv(name).value;
    }
    if (i < 0) return undefined;
    // The walk ends at a stage that already knows the answer: a chain asking in turn walks one step each.
    let value: string | undefined;
    for (let s = stage; s >= 0; ) {
      const key = `${s}\u0000${name}`;
      if (this.walked.has(key)) { value = this.walked.get(key); break; }
      const own = this.scopeAt(s).lastEnv(name);
      if (own.set) { value = own.value; break; }
      s = parentIndex(this.stages[s]);
    }
    this.walked.set(`${stage}\u0000${name}`, value);
    return value;
  }
}

const MAX_SETTER_SKIPS = 64;

/** The index of the stage a stage is built FROM, or -1. (Only an earlier one: FROM names only those, so walks up end.) */
function parentIndex(st: Stage): number {
  return st.parentStage !== null && st.parentStage < st.index ? st.parentStage : -1;
}

/**
 * Assignments before `at` are those of instructions that start before it. An ONBUILD trigger is not
 * one of its stage's instructions: it sees the whole stage.
 */
function assignedBefore(at: Instruction): number {
  return at.parent !== null ? Infinity : at.start;
}

/** Shell commands of a RUN/CMD/ENTRYPOINT/HEALTHCHECK, including heredoc bodies run by a shell. */
function buildScript(instr: Instruction, sourceText: string): ShellScript {
  const args = instr.args;
  if (instr.json) {
    const values = instr.json.values;
    const words = values.map((v, i) => ({ value: v, raw: JSON.stringify(v), expands: false, start: instr.json!.spans[i]?.start ?? 0, end: instr.json!.spans[i]?.end ?? 0 }));
    // ["sh", "-c", "script"] runs a script: parse the script itself.
    if (words.length >= 3 && SHELLS.has(words[0].value) && words[1].value === '-c') {
      const map = jsonStringMap(sourceText, instr.json.spans[2]);
      return parseShell(values[2], { toSource: (i) => map[Math.min(i, map.length - 1)], toSourceEnd: (i) => (i <= 0 ? map[0] : map[Math.min(i - 1, map.length - 1)] + 1) }, 0, values[2].length);
    }
    const name = words[0]?.value ?? '';
    const cmd: Command = {
      name,
      base: baseName(name),
      words,
      args: words.slice(1),
      assignments: [],
      redirects: [],
      before: '',
      after: '',
      nested: false,
      group: undefined,
      start: instr.json.span.start,
      end: instr.json.span.end,
    };
    return { commands: words.length ? [cmd] : [], text: values.join(' '), hasPipe: false };
  }
  let from = instr.restStart;
  if (instr.keyword === 'HEALTHCHECK') {
    const m = /^\s*CMD\b/i.exec(args.text.slice(from));
    if (!m) return { commands: [], text: '', hasPipe: false };
    from += m[0].length;
  }
  const script = parseShell(args.text, args, from);
  if (script.commands.some((c) => c.args.length >= 2 && (SHELL_NAMES.has(c.base) || isWrapper(c.base)))) addShellStrings(script, sourceText);
  for (const hd of instr.heredocs) {
    if (instr.keyword !== 'RUN') break;
    if (!heredocIsScript(script.commands, hd)) continue;
    const body = LogicalText.of(hd.bodySpan.start, hd.body);
    const sub = parseShell(body.text, body);
    for (const c of sub.commands) script.commands.push(c);
    if (sub.hasPipe) script.hasPipe = true;
    script.text += '\n' + hd.body;
  }
  return script;
}

/**
 * Is a RUN's heredoc a shell script (`RUN <<EOF`, `RUN bash <<EOF`, a `#!/bin/sh` body) rather than
 * data that a command reads (`RUN cat > /etc/x.conf <<EOF`, `RUN python3 <<EOF`)? `commands` are
 * the RUN's own shell commands.
 */
export function heredocIsScript(commands: readonly Command[], hd: Heredoc): boolean {
  const firstLine = hd.body.split('\n', 1)[0];
  if (firstLine.startsWith('#!') && !/\b(sh|bash|ash|dash|zsh|ksh)\b/.test(firstLine)) return false;
  // Which command receives this heredoc: `RUN <<EOF` (the shell itself) or `RUN bash <<EOF`.
  const owner = heredocOwner(commands, hd);
  return !owner || owner.name === '' || SHELLS.has(owner.name) || /(^|\/)(sh|bash|ash|dash|zsh)$/.test(owner.name);
}

/** The command of a RUN whose standard input the heredoc is (`cat` in `RUN cat > /etc/x.conf <<EOF`), if any. */
export function heredocOwner(commands: readonly Command[], hd: Heredoc): Command | undefined {
  return commands.find((c) => c.redirects.some((r) => r.start === hd.marker.start || (r.target && r.target.end === hd.marker.end)));
}

const SHELL_NAMES = new Set(['sh', 'bash', 'ash', 'dash', 'zsh', 'ksh']);

/**
 * `sh -c 'apt-get install -y curl'` (also behind a wrapper: `sudo sh -c '...'`) runs the quoted
 * script in a child shell: its commands are added (as nested ones, right after the command) when the
 * quoted text maps one to one onto the source, that is, a quoted word with no escape or line
 * continuation in it. Expansions in a double-quoted one stay words of the script (`$PKGS`); the
 * commands of a `$(...)` in it, which the outer parse already found, are not added twice.
 */
function addShellStrings(script: ShellScript, sourceText: string): void {
  const out: Command[] = [];
  let outer: Set<number> | undefined;
  for (const top of script.commands) {
    out.push(top);
    const c = innermostCommand(top);
    if (!SHELL_NAMES.has(c.base)) continue;
    const flag = c.args.findIndex((a) => /^-[a-z]*c$/.test(a.value));
    const w = flag >= 0 ? c.args[flag + 1] : undefined;
    if (!w || w.end - w.start !== w.value.length + 2 || sourceText.slice(w.start + 1, w.end - 1) !== w.value) continue;
    const at = w.start + 1;
    const sub = parseShell(w.value, { toSource: (i) => at + i, toSourceEnd: (i) => at + i }, 0, w.value.length, true);
    if (w.expands) outer ??= new Set(script.commands.map((c) => c.start));
    for (const n of sub.commands) if (!outer?.has(n.start)) out.push(n);
    if (sub.hasPipe) script.hasPipe = true;
  }
  script.commands = out;
}

/** For a JSON string literal at `span`, the source offset of each decoded character (plus one past the end). */
function jsonStringMap(text: string, span: Span): number[] {
  const map: number[] = [];
  let i = span.start + 1;
  const end = span.end - 1;
  while (i < end) {
    map.push(i);
    if (text[i] !== '\\') { i++; continue; }
    if (text[i + 1] === 'u') {
      // A surrogate pair decodes to two UTF-16 units from two escapes; one escape is one unit.
      i += 6;
    } else i += 2;
  }
  map.push(end);
  return map;
}
