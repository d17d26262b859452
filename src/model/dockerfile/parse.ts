import { LogicalText } from '../logical.js';
import { SourceFile, type Span } from '../source.js';
import { parseShell } from '../shell/parse.js';
import type { Command, ShellScript } from '../shell/types.js';
import { expandVars } from './expand.js';
import { parseImageRef } from './image-ref.js';
import type { Comment, Directive, Dockerfile, Heredoc, Instruction, Stage, Word } from './types.js';
import { isFlagWord, parseFlags, parsePairs, splitWords, toWord, type LWord } from './words.js';

export const KNOWN_INSTRUCTIONS = new Set([
  'FROM', 'RUN', 'CMD', 'ENTRYPOINT', 'SHELL', 'COPY', 'ADD', 'ENV', 'ARG', 'LABEL', 'EXPOSE', 'USER',
  'WORKDIR', 'VOLUME', 'STOPSIGNAL', 'HEALTHCHECK', 'ONBUILD', 'MAINTAINER',
]);
const FLAGGED = new Set(['FROM', 'RUN', 'COPY', 'ADD', 'HEALTHCHECK']);
const JSON_FORM = new Set(['RUN', 'CMD', 'ENTRYPOINT', 'SHELL', 'COPY', 'ADD', 'VOLUME']);
const HEREDOC_KEYWORDS = new Set(['RUN', 'COPY', 'ADD']);
const DIRECTIVE = /^#[ \t]*([A-Za-z][A-Za-z0-9_-]*)[ \t]*=[ \t]*(.*?)[ \t]*$/;
const HEREDOC_WORD = /^(\d*)<<(-?)([^<]+)$/;
const SHELLS = new Set(['sh', 'bash', 'ash', 'dash', 'zsh', 'ksh', '/bin/sh', '/bin/bash', '/bin/ash', '/bin/dash', '/bin/zsh', '/usr/bin/env']);

/** Parse a Dockerfile. Never throws: problems become `error` on the offending instruction. */
export function parseDockerfile(path: string, text: string): Dockerfile {
  const source = new SourceFile(path, text);
  const directives: Directive[] = [];
  const comments: Comment[] = [];
  const instructions: Instruction[] = [];
  let escape: '\\' | '`' = '\\';
  const lines = source.lineCount;
  let li = 1;

  // Parser directives: only at the very top, before any blank line, comment or instruction.
  const seen = new Set<string>();
  for (; li <= lines; li++) {
    let ls = source.lineStart(li);
    if (li === 1 && text.charCodeAt(0) === 0xfeff) ls = 1;
    const le = source.lineEnd(li);
    const m = DIRECTIVE.exec(text.slice(ls, le).trimStart());
    if (!m) break;
    const name = m[1].toLowerCase();
    if (!['syntax', 'escape', 'check'].includes(name) || seen.has(name)) break;
    seen.add(name);
    directives.push({ name, value: m[2], line: li, start: ls, end: le });
    if (name === 'escape' && m[2] === '`') escape = '`';
  }

  while (li <= lines) {
    let ls = source.lineStart(li);
    if (li === 1 && text.charCodeAt(0) === 0xfeff) ls = 1;
    const le = source.lineEnd(li);
    let p = ls;
    while (p < le && isBlankAt(text, p)) p++;
    if (p >= le) { li++; continue; }
    if (text[p] === '#') {
      comments.push({ text: text.slice(p + 1, le).trim(), line: li, start: p, end: le });
      li++;
      continue;
    }
    const r = readInstruction(source, li, p, escape, comments);
    instructions.push(r.instr);
    li = r.nextLine;
  }

  return buildModel(source, directives, escape, instructions, comments);
}

function readInstruction(source: SourceFile, li: number, p: number, escape: string, comments: Comment[]): { instr: Instruction; nextLine: number } {
  const text = source.text;
  let le = source.lineEnd(li);
  let kwEnd = p;
  while (kwEnd < le && !isSpace(text, kwEnd)) kwEnd++;
  const keywordRaw = text.slice(p, kwEnd);
  const keyword = keywordRaw.toUpperCase();
  const logical = new LogicalText();
  const innerComments: Comment[] = [];
  let segStart = kwEnd;
  let lastLine = li;
  // Join continuation lines; comment and blank lines inside a continuation are dropped, as Docker does.
  for (;;) {
    let e = le;
    while (e > segStart && isBlankAt(text, e - 1)) e--;
    // BuildKit: an escape at the end continues the line unless it is itself escaped (`C:\\dir\\`).
    const lineStart = source.lineStart(lastLine);
    if (e > segStart && text[e - 1] === escape && (e - 2 < lineStart || text[e - 2] !== escape)) {
      logical.append(segStart, text.slice(segStart, e - 1));
      let next = lastLine + 1;
      while (next <= source.lineCount) {
        const ns = source.lineStart(next);
        const ne = source.lineEnd(next);
        let q = ns;
        while (q < ne && isBlankAt(text, q)) q++;
        if (q >= ne) { next++; continue; }
        if (text[q] === '#') {
          const c = { text: text.slice(q + 1, ne).trim(), line: next, start: q, end: ne };
          innerComments.push(c);
          comments.push(c);
          next++;
          continue;
        }
        break;
      }
      if (next > source.lineCount) break;
      lastLine = next;
      segStart = source.lineStart(next);
      le = source.lineEnd(next);
      continue;
    }
    logical.append(segStart, text.slice(segStart, le));
    break;
  }
  if (logical.text.length === 0) logical.appendSynthetic(kwEnd, '');
  let end = source.lineEnd(lastLine);
  const instr = makeInstruction(keyword, { start: p, end: kwEnd }, li, logical, escape, innerComments);
  let nextLine = lastLine + 1;

  // Heredoc bodies follow the instruction line, in marker order.
  const hdKeyword = keyword === 'ONBUILD' && instr.trigger ? instr.trigger.keyword : keyword;
  // (Only when the text can hold a `<<` marker: splitting the words again costs time on every RUN.)
  if (HEREDOC_KEYWORDS.has(hdKeyword) && logical.text.includes('<<')) {
    const target = keyword === 'ONBUILD' && instr.trigger ? instr.trigger : instr;
    for (const w of splitWords(logical.text, 0, escape)) {
      const m = HEREDOC_WORD.exec(w.raw);
      if (!m) continue;
      const rawDelim = m[3];
      const quoted = /["']/.test(rawDelim);
      const delimiter = rawDelim.replace(/["']/g, '').replace(/^\\/, '');
      if (!delimiter) continue;
      const stripTabs = m[2] === '-';
      const bodyStart = nextLine <= source.lineCount ? source.lineStart(nextLine) : text.length;
      let terminated = false;
      let bodyEnd = bodyStart;
      let ln = nextLine;
      for (; ln <= source.lineCount; ln++) {
        const s = source.lineStart(ln);
        const e = source.lineEnd(ln);
        let line = text.slice(s, e);
        if (stripTabs) line = line.replace(/^\t+/, '');
        if (line === delimiter) {
          terminated = true;
          bodyEnd = s;
          end = e;
          ln++;
          break;
        }
        bodyEnd = ln < source.lineCount ? source.lineStart(ln + 1) : text.length;
        end = e;
      }
      nextLine = ln;
      const hd: Heredoc = {
        delimiter,
        quoted,
        stripTabs,
        marker: { start: logical.toSource(w.start), end: logical.toSourceEnd(w.end) },
        body: text.slice(bodyStart, bodyEnd),
        bodySpan: { start: bodyStart, end: bodyEnd },
        terminated,
        start: logical.toSource(w.start),
        end,
      };
      target.heredocs.push(hd);
      if (!terminated && !target.error) target.error = { message: `heredoc "${delimiter}" is never terminated: add a line containing only ${delimiter}`, span: hd.marker };
    }
    if (target.heredocs.length > 0 && target.error?.message.includes('requires')) target.error = null;
  }
  instr.end = Math.max(end, instr.keywordSpan.end);
  if (instr.trigger) instr.trigger.end = instr.end;
  return { instr, nextLine };
}

function makeInstruction(keyword: string, keywordSpan: Span, line: number, args: LogicalText, escape: string, innerComments: Comment[]): Instruction {
  const quotesGroup = keyword === 'ENV' || keyword === 'LABEL' || keyword === 'ARG';
  // RUN's words are seldom read (its script is parsed by the shell parser) and RUN holds most of a
  // Dockerfile's text: split only up to the first word after the flags here, the rest on first use.
  const lazy = keyword === 'RUN';
  const all = splitWords(args.text, 0, escape, quotesGroup, lazy ? (w) => !isFlagWord(w) : undefined);
  // `words` is added below: data, or for RUN an accessor that splits on first read.
  const instr = {
    keyword,
    keywordSpan,
    line,
    args,
    flags: [],
    restStart: all.length > 0 ? all[0].start : args.text.length,
    json: null,
    heredocs: [],
    stage: -1,
    trigger: null,
    parent: null,
    pairs: [],
    error: null,
    innerComments,
    start: keywordSpan.start,
    end: args.toSourceEnd(args.text.length),
  } as Omit<Instruction, 'words'> as Instruction;
  let words: LWord[] = all;
  if (FLAGGED.has(keyword)) {
    const f = parseFlags(args, all);
    instr.flags = f.flags;
    instr.restStart = f.rest;
    words = all.slice(f.consumed);
  }
  if (lazy) {
    (instr as LazyInstruction)[LAZY_WORDS] = { args, escape, quotesGroup, consumed: instr.flags.length };
    Object.defineProperty(instr, 'words', LAZY_WORDS_PROPERTY);
  } else instr.words = words.map((w) => toWord(w, args));
  const argSpan = (): Span => ({ start: keywordSpan.start, end: Math.max(keywordSpan.end, args.toSourceEnd(args.text.trimEnd().length)) });

  if (!KNOWN_INSTRUCTIONS.has(keyword)) {
    instr.error = { message: `unknown instruction "${keyword}"`, span: keywordSpan };
    return instr;
  }
  if (JSON_FORM.has(keyword) && args.text[skipSpace(args.text, instr.restStart)] === '[') instr.json = parseJsonForm(args, instr.restStart);

  switch (keyword) {
    case 'ONBUILD': {
      if (words.length === 0) { instr.error = { message: 'ONBUILD requires an instruction to run later', span: argSpan() }; break; }
      const sub = args.slice(words[0].start);
      const kwLen = words[0].raw.length;
      const trig = makeInstruction(words[0].raw.toUpperCase(), { start: args.toSource(words[0].start), end: args.toSourceEnd(words[0].end) }, line, sub.slice(kwLen), escape, []);
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
      if (words.length === 0) instr.error = { message: `${keyword} requires at least one argument`, span: argSpan() };
      else if (r.error && keyword !== 'ARG') instr.error = { message: r.error, span: argSpan() };
      break;
    }
    case 'FROM':
      if (words.length === 0) instr.error = { message: 'FROM requires a base image', span: argSpan() };
      else if (words.length !== 1 && !(words.length === 3 && words[1].value.toLowerCase() === 'as')) {
        instr.error = { message: 'FROM takes an image and an optional "AS name"', span: argSpan() };
      }
      break;
    case 'COPY':
    case 'ADD':
      if (instr.json ? instr.json.values.length < 2 : words.length < 2) instr.error = { message: `${keyword} requires at least a source and a destination`, span: argSpan() };
      break;
    case 'HEALTHCHECK': {
      const first = words[0]?.value.toUpperCase();
      if (first !== 'CMD' && first !== 'NONE') instr.error = { message: 'HEALTHCHECK must be followed by CMD <command> or NONE', span: argSpan() };
      else if (first === 'CMD') {
        if (words.length < 2) instr.error = { message: 'HEALTHCHECK CMD requires a command', span: argSpan() };
        const after = args.text.slice(words[0].end).trim();
        if (after.startsWith('[')) instr.json = parseJsonForm(args, args.text.indexOf('[', words[0].end));
      }
      break;
    }
    default:
      if (words.length === 0) instr.error = { message: `${keyword} requires at least one argument`, span: argSpan() };
  }
  return instr;
}

// RUN's lazy `words`: one shared accessor with its state on the instruction, so that every RUN keeps
// the same hidden class and fast properties (a per-instruction closure would make each one slow).
const LAZY_WORDS = Symbol('lazyWords');
type LazyInstruction = Instruction & { [LAZY_WORDS]: { args: LogicalText; escape: string; quotesGroup: boolean; consumed: number; words?: Word[] } };
const LAZY_WORDS_PROPERTY: PropertyDescriptor = {
  enumerable: true,
  configurable: true,
  get(this: LazyInstruction): Word[] {
    const l = this[LAZY_WORDS];
    return (l.words ??= splitWords(l.args.text, 0, l.escape, l.quotesGroup).slice(l.consumed).map((w) => toWord(w, l.args)));
  },
  set(this: LazyInstruction, v: Word[]): void {
    this[LAZY_WORDS].words = v;
  },
};

/** Is the character at `i` a space or a tab? (By code: no one-character strings made per character.) */
function isBlankAt(s: string, i: number): boolean {
  const c = s.charCodeAt(i);
  return c === 32 || c === 9;
}

/** Is the character at `i` whitespace (`/\s/`)? Printable ASCII is decided without the regex. */
function isSpace(s: string, i: number): boolean {
  const c = s.charCodeAt(i);
  return c > 32 && c < 127 ? false : /\s/.test(s[i]);
}

/** The first index at or after `i` that is not whitespace (what `trim()` would skip), or `s.length`. */
function skipSpace(s: string, i: number): number {
  while (i < s.length && isSpace(s, i)) i++;
  return i;
}

/** Parse `["a", "b"]` exec form; null when it is not valid JSON (Docker then uses shell form). */
function parseJsonForm(args: LogicalText, from: number): Instruction['json'] {
  const s = args.text;
  const start = s.indexOf('[', from);
  let endIdx = s.length;
  while (endIdx > start && isSpace(s, endIdx - 1)) endIdx--;
  const raw = s.slice(start, endIdx);
  let values: unknown;
  try {
    values = JSON.parse(raw);
  } catch {
    return null;
  }
  if (!Array.isArray(values) || !values.every((v) => typeof v === 'string')) return null;
  const spans: Span[] = [];
  for (let i = start; i < endIdx; i++) {
    if (s[i] !== '"') continue;
    let j = i + 1;
    while (j < endIdx && s[j] !== '"') j += s[j] === '\\' ? 2 : 1;
    spans.push({ start: args.toSource(i), end: args.toSourceEnd(j + 1) });
    i = j;
  }
  return { values: values as string[], spans, span: { start: args.toSource(start), end: args.toSourceEnd(endIdx) } };
}

function buildModel(source: SourceFile, directives: Directive[], escape: '\\' | '`', instructions: Instruction[], comments: Comment[]): Dockerfile {
  const stages: Stage[] = [];
  const globalArgs: Instruction[] = [];
  const globalDefaults = new Map<string, string | undefined>();
  for (const instr of instructions) {
    if (instr.keyword === 'FROM' && instr.words.length > 0) {
      const index = stages.length;
      const w = instr.words;
      const alias = w.length >= 3 && w[1].value.toLowerCase() === 'as' ? w[2].value.toLowerCase() : null;
      const image = w[0].value;
      const resolved = expandVars(image, (n) => globalDefaults.get(n), escape);
      const lower = (resolved ?? image).toLowerCase();
      const parent = stages.find((s) => s.alias !== null && s.alias === lower);
      stages.push({
        index,
        alias,
        aliasSpan: alias ? { start: w[2].start, end: w[2].end } : null,
        from: instr,
        image,
        imageSpan: { start: w[0].start, end: w[0].end },
        resolvedImage: resolved,
        ref: resolved !== null && !parent ? parseImageRef(resolved) : null,
        parentStage: parent ? parent.index : null,
        platform: instr.flags.find((f) => f.name === 'platform') ?? null,
        instructions: [instr],
      });
      instr.stage = index;
      continue;
    }
    if (stages.length === 0) {
      if (instr.keyword === 'ARG') {
        globalArgs.push(instr);
        for (const p of instr.pairs) globalDefaults.set(p.key, p.hasValue ? p.value : globalDefaults.get(p.key));
      }
      continue;
    }
    const stage = stages[stages.length - 1];
    instr.stage = stage.index;
    if (instr.trigger) instr.trigger.stage = stage.index;
    stage.instructions.push(instr);
  }

  const shippedStages = new Set<number>();
  for (let s: Stage | undefined = stages[stages.length - 1]; s && !shippedStages.has(s.index); s = s.parentStage !== null ? stages[s.parentStage] : undefined) {
    shippedStages.add(s.index);
  }

  const scripts = new Map<Instruction, ShellScript>();
  // The variables in scope at an instruction, worked out on first use (rules ask about the same RUN often).
  const scopes = new Map<Instruction, Map<string, string | undefined>>();
  const variable = (at: Instruction, name: string): string | undefined => {
    if (at.stage < 0 || at.keyword === 'FROM') return globalDefaults.get(name);
    let vars = scopes.get(at);
    if (!vars) {
      vars = scopeAt(stages, globalDefaults, at, escape);
      scopes.set(at, vars);
    }
    return vars.get(name);
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
    script(instr: Instruction): ShellScript {
      let s = scripts.get(instr);
      if (!s) {
        s = buildScript(instr, source.text);
        scripts.set(instr, s);
      }
      return s;
    },
    variable,
    expand(instr: Instruction, t: string): string | null {
      return expandVars(t, (n) => variable(instr, n), escape);
    },
  };
}

/** ARG/ENV values visible at `at` (in a stage, not a FROM): undefined for an ARG without a known value. */
function scopeAt(stages: Stage[], globals: Map<string, string | undefined>, at: Instruction, escape: string): Map<string, string | undefined> {
  const chain: Stage[] = [];
  for (let s: Stage | undefined = stages[at.stage]; s && !chain.includes(s); s = s.parentStage !== null ? stages[s.parentStage] : undefined) chain.unshift(s);
  const vars = new Map<string, string | undefined>();
  for (const stage of chain) {
    const isCurrent = stage.index === at.stage;
    // ARGs do not cross into child stages; ENV does.
    for (const [k, v] of [...vars]) if (v === undefined) vars.delete(k);
    for (const instr of stage.instructions) {
      if (isCurrent && instr === at) break;
      if (instr.keyword === 'ARG') {
        for (const p of instr.pairs) {
          const v = p.hasValue ? expandVars(p.value, (n) => vars.get(n) ?? undefined, escape) ?? undefined : globals.get(p.key);
          if (isCurrent) vars.set(p.key, v);
        }
      } else if (instr.keyword === 'ENV') {
        for (const p of instr.pairs) vars.set(p.key, expandVars(p.value, (n) => vars.get(n) ?? undefined, escape) ?? undefined);
      }
    }
  }
  return vars;
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
    const cmd: Command = {
      name: words[0]?.value ?? '',
      words,
      args: words.slice(1),
      assignments: [],
      redirects: [],
      before: '',
      after: '',
      nested: false,
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
  for (const hd of instr.heredocs) {
    if (instr.keyword !== 'RUN') break;
    const firstLine = hd.body.split('\n', 1)[0];
    if (firstLine.startsWith('#!') && !/\b(sh|bash|ash|dash|zsh|ksh)\b/.test(firstLine)) continue;
    // Which command receives this heredoc: `RUN <<EOF` (the shell itself) or `RUN bash <<EOF`.
    const owner = script.commands.find((c) => c.redirects.some((r) => r.start === hd.marker.start || (r.target && r.target.end === hd.marker.end)));
    const isShell = !owner || owner.name === '' || SHELLS.has(owner.name) || /(^|\/)(sh|bash|ash|dash|zsh)$/.test(owner.name);
    if (!isShell) continue;
    const body = LogicalText.of(hd.bodySpan.start, hd.body);
    const sub = parseShell(body.text, body);
    for (const c of sub.commands) script.commands.push(c);
    if (sub.hasPipe) script.hasPipe = true;
    script.text += '\n' + hd.body;
  }
  return script;
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
