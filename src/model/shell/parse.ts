import { lex, type Token, type WordToken } from './lexer.js';
import type { Command, Redirect, ShellScript, ShellWord } from './types.js';

/** Maps logical offsets of the parsed text to source offsets. */
export interface OffsetMap {
  toSource(i: number): number;
  toSourceEnd(i: number): number;
}

const REDIRECT_OPS = new Set(['<', '>', '>>', '>|', '<>', '>&', '<&', '&>', '&>>', '<<<', '<<', '<<-']);
const SEPARATORS = new Set(['&&', '||', ';', '|', '|&', '&', '\n', ';;', ';&']);
const SKIP_KEYWORDS = new Set(['if', 'then', 'else', 'elif', 'fi', 'do', 'done', 'while', 'until', '{', '}', '!', 'time', '[[' + '']);
const ASSIGNMENT = /^[A-Za-z_][A-Za-z0-9_]*(\[[^\]]*\])?\+?=/;

/** The innermost `case` state; avoids reading index -1 of an empty array (a slow lookup in V8). */
const caseTop = <T>(stack: T[]): T | undefined => (stack.length > 0 ? stack[stack.length - 1] : undefined);

/** Parse a shell script into simple commands. Never throws; odd constructs degrade to words. */
export function parseShell(text: string, map: OffsetMap, from = 0, to = text.length, nested = false): ShellScript {
  const tokens = lex(text, from, to);
  const commands: Command[] = [];
  let hasPipe = false;

  const word = (t: WordToken): ShellWord => ({
    value: t.value,
    raw: t.raw,
    expands: t.expands,
    start: map.toSource(t.start),
    end: map.toSourceEnd(t.end),
  });

  let cur: { words: WordToken[]; assigns: WordToken[]; redirects: Redirect[]; start: number; end: number } | null = null;
  let before = '';
  let depth = 0;
  let skipUntilDo = false;
  let caseState: Array<'header' | 'pattern' | 'body'> = [];
  const subQueue: Array<[number, number]> = [];

  const flush = (after: string): void => {
    if (cur && (cur.words.length > 0 || cur.assigns.length > 0 || cur.redirects.length > 0)) {
      const words = cur.words.map(word);
      commands.push({
        name: words.length > 0 ? words[0].value : '',
        words,
        args: words.slice(1),
        assignments: cur.assigns.map(word),
        redirects: cur.redirects,
        before,
        after,
        nested: nested || depth > 0,
        start: map.toSource(cur.start),
        end: map.toSourceEnd(cur.end),
      });
      before = after;
    } else if (after !== '\n' || before === '') {
      before = after === '\n' ? before : after;
    }
    cur = null;
  };

  for (let k = 0; k < tokens.length; k++) {
    const t: Token = tokens[k];
    if (t.kind === 'word') {
      for (const s of t.subs) subQueue.push(s);
      const atStart = cur === null || (cur.words.length === 0 && cur.assigns.length === 0);
      const top = caseTop(caseState);
      if (skipUntilDo) {
        if (t.value === 'do' && atStart) skipUntilDo = false;
        continue;
      }
      if (top === 'header') {
        if (t.value === 'in') caseState[caseState.length - 1] = 'pattern';
        continue;
      }
      if (top === 'pattern') {
        if (t.value === 'esac') { caseState.pop(); continue; }
        continue; // pattern words until ')'
      }
      if (atStart) {
        if (top === 'body' && t.value === 'esac') { caseState.pop(); flush(''); continue; }
        // (The keywords are short: a length check spares hashing most command names.)
        if (t.value.length <= 5 && SKIP_KEYWORDS.has(t.value) && t.raw === t.value) { flush(''); continue; }
        if ((t.value === 'for' || t.value === 'select') && t.raw === t.value) { flush(''); skipUntilDo = true; continue; }
        if (t.value === 'case' && t.raw === t.value) { flush(''); caseState.push('header'); continue; }
        if (t.value === 'function' && t.raw === t.value) {
          // `function name [()] {` defines, does not run.
          k++;
          if (tokens[k + 1]?.kind === 'op' && (tokens[k + 1] as { op: string }).op === '(') k += 2;
          continue;
        }
        // `name() {` function definition
        const n1 = tokens[k + 1];
        const n2 = tokens[k + 2];
        if (n1?.kind === 'op' && n1.op === '(' && n2?.kind === 'op' && n2.op === ')') { k += 2; continue; }
      }
      // fd prefix of a redirect: `2>&1`
      const nx = tokens[k + 1];
      if (nx?.kind === 'op' && nx.start === t.end && REDIRECT_OPS.has(nx.op) && /^\d+$/.test(t.raw)) continue;
      if (!cur) cur = { words: [], assigns: [], redirects: [], start: t.start, end: t.end };
      if (cur.words.length === 0 && t.raw.includes('=') && ASSIGNMENT.test(t.raw)) cur.assigns.push(t);
      else cur.words.push(t);
      cur.end = t.end;
      continue;
    }
    // operator
    const op = t.op;
    if (REDIRECT_OPS.has(op)) {
      const target = tokens[k + 1]?.kind === 'word' ? (tokens[++k] as WordToken) : null;
      if (!cur) cur = { words: [], assigns: [], redirects: [], start: t.start, end: t.end };
      cur.redirects.push({ op, target: target ? word(target) : null, start: map.toSource(t.start), end: map.toSourceEnd(target ? target.end : t.end) });
      cur.end = target ? target.end : t.end;
      continue;
    }
    const top = caseTop(caseState);
    if (top === 'pattern') {
      if (op === ')') caseState[caseState.length - 1] = 'body';
      continue;
    }
    if (op === ';;' || op === ';&') {
      flush(op);
      if (top === 'body') caseState[caseState.length - 1] = 'pattern';
      continue;
    }
    if (skipUntilDo || top === 'header') continue;
    if (op === '(') { flush(''); depth++; continue; }
    if (op === ')') { flush(''); depth = Math.max(0, depth - 1); continue; }
    if (op === '|' || op === '|&') hasPipe = true;
    if (SEPARATORS.has(op)) flush(op);
  }
  flush('');

  for (const [s, e] of subQueue) {
    if (e <= s) continue;
    const inner = parseShell(text, map, s, e, true);
    for (const c of inner.commands) commands.push(c);
    if (inner.hasPipe) hasPipe = true;
  }
  // Commands found inside substitutions were appended last: keep source order for rules.
  if (subQueue.length > 0 && !nested) commands.sort((a, b) => a.start - b.start);
  return { commands, text: text.slice(from, to), hasPipe };
}
