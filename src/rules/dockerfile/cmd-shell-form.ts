import type { Word } from '../../model/dockerfile/types.js';
import { isPosixShellValue, shellAt } from '../helpers/dockerfile.js';
import { defineRule } from '../types.js';

// Anything the shell would interpret (operators, expansions, globs, escapes, comments):
// such a command cannot be turned into exec form word for word.
const SHELL_SYNTAX = /[|&;<>()$`\\*?[\]{}~#!]/;
const ASSIGNMENT = /^[A-Za-z_][A-Za-z0-9_]*=/;
// Shell builtins and keywords have no executable to run in exec form.
const BUILTINS = new Set(['.', 'alias', 'break', 'case', 'cd', 'continue', 'declare', 'eval', 'exit', 'export', 'for', 'function', 'if', 'local', 'read', 'readonly', 'return', 'set', 'shift', 'source', 'trap', 'typeset', 'ulimit', 'umask', 'unset', 'until', 'wait', 'while']);

/** The JSON exec form of a command that uses no shell syntax, or null. */
function execForm(words: Word[]): string | null {
  // `exec prog args` already replaces the shell with prog: exec form says the same without the shell.
  if (words.length > 1 && words[0].raw === 'exec') words = words.slice(1);
  if (words.length === 0 || ASSIGNMENT.test(words[0].raw) || BUILTINS.has(words[0].value) || words[0].value.startsWith('-')) return null;
  if (words.some((w) => SHELL_SYNTAX.test(w.raw) || w.value === '')) return null;
  return `[${words.map((w) => JSON.stringify(w.value)).join(', ')}]`;
}


/** Why text that starts like an exec form is not one, in words a user can act on. */
function whyNotJson(text: string): string {
  // A JSON array followed by more text: most often a comment, which Docker does not allow there.
  for (let i = text.indexOf(']'); i >= 0; i = text.indexOf(']', i + 1)) {
    let array: unknown;
    try {
      array = JSON.parse(text.slice(0, i + 1));
    } catch {
      continue;
    }
    if (!Array.isArray(array) || !array.every((v) => typeof v === 'string')) break;
    const rest = text.slice(i + 1).trim();
    return rest.startsWith('#') ? 'a comment after the closing `]`: Docker has no comments at the end of a line' : `text after the closing \`]\`: \`${rest.length > 20 ? `${rest.slice(0, 20)}...` : rest}\``;
  }
  if (/,\s*\]\s*$/.test(text)) return 'a comma before the closing `]`';
  if (text.includes("'")) return 'strings need double quotes';
  if (!text.trimEnd().endsWith(']')) return 'no closing `]`';
  return 'only a list of double-quoted strings is exec form';
}

export default defineRule({
  id: 'DF026',
  name: 'cmd-shell-form',
  aliases: ['DL3025'],
  meta: {
    target: 'dockerfile',
    category: 'reliability',
    severity: 'warning',
    fixable: 'unsafe',
    status: 'stable',
    docs: {
      summary: 'CMD, ENTRYPOINT or HEALTHCHECK CMD written in shell form.',
      why: 'Shell form wraps the command in `/bin/sh -c`. The shell becomes PID 1 and does not pass SIGTERM on, so `docker stop` waits for its timeout and then kills the application without a clean shutdown; a shell-form ENTRYPOINT also ignores CMD and `docker run` arguments. The JSON exec form runs the program directly. When shell features are really needed, say so with `["sh", "-c", "exec ..."]`.',
      bad: 'FROM node:20-slim\nCMD node server.js\n',
      good: 'FROM node:20-slim\nCMD ["node", "server.js"]\n',
    },
    messages: {
      shell: '{{keyword}} in shell form runs under {{shell}}, which does not forward SIGTERM to the program; use the JSON exec form{{suggestion}}.',
      healthcheck: 'HEALTHCHECK CMD in shell form starts {{shell}} for every check and fails in images without that shell; use the JSON exec form{{suggestion}}.',
      invalidJson: '{{keyword}} looks like exec form but is not valid JSON ({{reason}}), so Docker runs the text through {{shell}} as a shell command; write it as ["executable", "arg", ...].',
    },
  },
  check({ df, report }) {
    for (const instr of df.instructions) {
      const kw = instr.keyword;
      if ((kw !== 'CMD' && kw !== 'ENTRYPOINT' && kw !== 'HEALTHCHECK') || instr.json) continue;
      let words = instr.words;
      if (kw === 'HEALTHCHECK') {
        if (words.length < 2 || words[0].value.toUpperCase() !== 'CMD') continue;
        words = words.slice(1);
      }
      if (words.length === 0) continue;
      const span = { start: words[0].start, end: words[words.length - 1].end };
      const label = kw === 'HEALTHCHECK' ? 'HEALTHCHECK CMD' : kw;
      // Found once: isPosixShell would walk the stages for it again.
      const shellWords = shellAt(df, instr);
      const shell = shellWords?.join(' ') || '/bin/sh -c';
      if (words[0].raw.startsWith('[')) {
        report({ messageId: 'invalidJson', data: { keyword: label, shell, reason: whyNotJson(words.map((w) => w.raw).join(' ')) }, span });
        continue;
      }
      // Exec form bypasses the SHELL instruction; only offer it where the shell is a POSIX one.
      const exec = isPosixShellValue(shellWords) ? execForm(words) : null;
      // No fix over comment lines inside the continuation: the one-line exec form would delete them.
      const commented = instr.innerComments.some((c) => c.start > span.start && c.start < span.end);
      report({
        messageId: kw === 'HEALTHCHECK' ? 'healthcheck' : 'shell',
        data: { keyword: label, shell, suggestion: exec ? `: ${label} ${exec}` : ' (["executable", "arg", ...]), or ["sh", "-c", "..."] when you need the shell' },
        span,
        ...(exec && !commented ? { fix: { title: 'Convert to JSON exec form', edits: [{ start: span.start, end: span.end, text: exec }] } } : {}),
      });
    }
  },
});
