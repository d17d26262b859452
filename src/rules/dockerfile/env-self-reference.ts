import type { Dockerfile, Instruction, Stage } from '../../model/dockerfile/types.js';
import { defineRule } from '../types.js';

/** Can the character code start a variable name (`[A-Za-z_]`)? */
function isNameStart(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || c === 0x5f;
}

/** Can the character code continue a variable name (`[A-Za-z0-9_]`)? */
function isNameChar(c: number): boolean {
  return isNameStart(c) || (c >= 0x30 && c <= 0x39);
}

/** `$NAME` / `${NAME...}` references in a raw word, with their offsets; single quotes and escapes honoured. */
function references(raw: string, from: number, escape: string): Array<{ name: string; start: number; end: number }> {
  const out = [];
  let inDouble = false;
  for (let i = from; i < raw.length; i++) {
    const c = raw[i];
    if (c === escape) { i++; continue; }
    if (c === '"') { inDouble = !inDouble; continue; }
    if (c === "'" && !inDouble) {
      const close = raw.indexOf("'", i + 1);
      i = close < 0 ? raw.length : close;
      continue;
    }
    if (c !== '$') continue;
    const braced = raw[i + 1] === '{';
    let j = braced ? i + 2 : i + 1;
    if (!isNameStart(raw.charCodeAt(j))) continue;
    const nameStart = j;
    while (j < raw.length && isNameChar(raw.charCodeAt(j))) j++;
    const name = raw.slice(nameStart, j);
    let end = j;
    if (braced) {
      const close = raw.indexOf('}', j);
      end = close < 0 ? raw.length : close + 1;
    }
    out.push({ name, start: i, end });
    i = end - 1;
  }
  return out;
}

/** ARG/ENV names declared before `instr` in its stage, plus ENV names of the stages it builds FROM. */
function declaredBefore(df: Dockerfile, instr: Instruction): Set<string> {
  const names = new Set<string>();
  const seen = new Set<number>();
  for (let s: Stage | undefined = df.stages[instr.stage]; s && !seen.has(s.index); s = s.parentStage !== null ? df.stages[s.parentStage] : undefined) {
    const current = s.index === instr.stage;
    seen.add(s.index);
    for (const i of s.instructions) {
      if (i === instr) break;
      if (i.keyword === 'ENV' || (current && i.keyword === 'ARG')) for (const p of i.pairs) names.add(p.key);
    }
  }
  return names;
}

/** How many of the instruction's keys are `name`? */
function timesSet(instr: Instruction, name: string): number {
  let n = 0;
  for (const p of instr.pairs) if (p.key === name) n++;
  return n;
}

export default defineRule({
  id: 'DF043',
  name: 'env-self-reference',
  aliases: ['DL3044'],
  onlyWith: ['ENV'],
  meta: {
    target: 'dockerfile',
    category: 'correctness',
    severity: 'error',
    fixable: null,
    status: 'stable',
    docs: {
      summary: 'ENV uses a variable that the same ENV instruction sets.',
      why: 'All values of one ENV instruction are expanded before any of them is set, so `ENV A=1 B=$A` gives B the old value of A (usually empty), not 1. Set the variable in an earlier ENV instruction.',
      bad: 'FROM python:3.12-slim\nENV APP_HOME=/srv/app APP_DATA=$APP_HOME/data\n',
      good: 'FROM python:3.12-slim\nENV APP_HOME=/srv/app\nENV APP_DATA=$APP_HOME/data\n',
    },
    messages: {
      self: '{{ref}} expands to the value {{name}} had before this instruction (empty unless the base image sets it), not to the value set here; set {{name}} in an earlier ENV instruction.',
    },
  },
  check({ df, report }) {
    for (const instr of df.instructions) {
      if (instr.keyword !== 'ENV' || instr.pairs.length < 2 || instr.stage < 0) continue;
      let declared: Set<string> | undefined;
      for (const w of instr.words) {
        const eq = w.raw.indexOf('=');
        if (eq < 0 || !w.raw.includes('$', eq)) continue;
        const own = w.value.slice(0, w.value.indexOf('='));
        // Offsets inside the word map to the source when the word sits on one line.
        const oneLine = w.end - w.start === w.raw.length;
        for (const r of references(w.raw, eq + 1, df.escape)) {
          // `PATH=/x:$PATH` means the old value on purpose; `O=a O=$O` still gets the old one, not a.
          if (timesSet(instr, r.name) <= (r.name === own ? 1 : 0)) continue;
          declared ??= declaredBefore(df, instr);
          if (declared.has(r.name)) continue;
          const span = oneLine ? { start: w.start + r.start, end: w.start + r.end } : { start: w.start, end: w.end };
          report({ messageId: 'self', data: { ref: w.raw.slice(r.start, r.end), name: r.name }, span });
        }
      }
    }
  },
});
