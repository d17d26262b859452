import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Dockerfile, Instruction } from '../model/dockerfile/types.js';
import { isPosixShell, shellAt } from '../rules/helpers/dockerfile.js';
import type { ShellcheckDiagnostic } from '../rules/types.js';

// Codes that cannot be right for Dockerfile snippets: sourced files are not visible, ash is not supported.
const EXCLUDED = ['SC1090', 'SC1091', 'SC2187'];
const PROXIES = ['HTTP_PROXY', 'HTTPS_PROXY', 'FTP_PROXY', 'NO_PROXY', 'http_proxy', 'https_proxy', 'ftp_proxy', 'no_proxy'];
const SHELL_BODY = /^#!.*\b(sh|bash|ash|dash|ksh)\b/;

let available: Promise<boolean> | undefined;

/** Is a `shellcheck` binary on PATH? Checked once per process. */
export function shellcheckAvailable(): Promise<boolean> {
  available ??= new Promise((resolve) => {
    execFile('shellcheck', ['--version'], { timeout: 10_000 }, (err) => resolve(!err));
  });
  return available;
}

interface Script {
  text: string;
  /** For each script line (0-based, after the header), the source offset where it starts and its length. */
  lines: Array<{ start: number; length: number }>;
  header: number;
}

/** Build the scripts ShellCheck should see for one Dockerfile. */
export function scriptsOf(df: Dockerfile): Script[] {
  const out: Script[] = [];
  for (const instr of df.instructions) {
    const run = instr.keyword === 'RUN' ? instr : instr.trigger?.keyword === 'RUN' ? instr.trigger : null;
    if (!run || run.json) continue;
    if (!isPosixShell(df, run)) continue;
    const header = headerFor(df, run);
    const main = mainScript(run);
    if (main) out.push({ ...main, text: header.text + main.text, header: header.lines });
    for (const hd of run.heredocs) {
      const first = hd.body.split('\n', 1)[0];
      if (first.startsWith('#!') && !SHELL_BODY.test(first)) continue;
      const onlyHeredoc = /^\s*\d*<</.test(run.args.text.slice(run.restStart));
      if (!onlyHeredoc && !/(^|\s)(\/bin\/|\/usr\/bin\/)?(sh|bash|ash|dash|ksh)(\s|$)/.test(run.args.text.slice(run.restStart).split('<<')[0])) continue;
      const lines: Script['lines'] = [];
      let off = hd.bodySpan.start;
      for (const l of hd.body.split('\n')) {
        lines.push({ start: off, length: l.length });
        off += l.length + 1;
      }
      out.push({ text: header.text + hd.body, lines, header: header.lines });
    }
  }
  return out;
}

function headerFor(df: Dockerfile, instr: Instruction): { text: string; lines: number } {
  const shell = shellAt(df, instr);
  const sh = shell && /bash/.test(shell[0]) ? 'bash' : 'sh';
  const names = new Set<string>(PROXIES);
  // Every ARG/ENV name declared so far counts as assigned (keeps SC2154 quiet for build args).
  for (const i of df.instructions) {
    if (i === instr || i === instr.parent) break;
    if (i.keyword === 'ARG' || i.keyword === 'ENV') for (const p of i.pairs) if (/^[A-Za-z_][A-Za-z0-9_]*$/.test(p.key)) names.add(p.key);
  }
  return { text: `#!/bin/${sh}\nexport ${[...names].map((n) => `${n}=1`).join(' ')}\n`, lines: 2 };
}

/** The RUN's own text, one script line per Dockerfile line; the flags are blanked to keep columns. */
function mainScript(run: Instruction): Omit<Script, 'header'> | null {
  const rest = run.args.text.slice(run.restStart);
  if (!rest.trim() || /^\s*\d*<<-?\S+\s*$/.test(rest)) return null;
  const lines: Script['lines'] = [];
  const parts: string[] = [];
  for (const p of run.args.pieces()) {
    if (p.sourceLength === 0) continue;
    let piece = run.args.text.slice(p.logicalStart, p.logicalStart + p.length);
    const blank = Math.min(Math.max(run.restStart - p.logicalStart, 0), piece.length);
    piece = ' '.repeat(blank) + piece.slice(blank);
    lines.push({ start: p.sourceStart, length: p.length });
    parts.push(piece);
  }
  let text = parts.join(' \\\n') + '\n';
  // Heredoc bodies belong to the script: without them ShellCheck reports unterminated heredocs.
  for (const hd of run.heredocs) {
    let off = hd.bodySpan.start;
    const body = hd.body.endsWith('\n') ? hd.body.slice(0, -1) : hd.body;
    if (hd.body.length > 0) {
      for (const l of body.split('\n')) {
        lines.push({ start: off, length: l.length });
        off += l.length + 1;
      }
      text += body + '\n';
    }
    lines.push({ start: hd.bodySpan.end, length: hd.delimiter.length });
    text += hd.delimiter + '\n';
  }
  return { text, lines };
}

interface ScComment { file: string; line: number; endLine: number; column: number; endColumn: number; level: string; code: number; message: string }

/** Run ShellCheck once over every script of the file; returns diagnostics at source positions. */
export async function runShellcheck(df: Dockerfile): Promise<ShellcheckDiagnostic[]> {
  const scripts = scriptsOf(df);
  if (scripts.length === 0) return [];
  const dir = mkdtempSync(join(tmpdir(), 'shipready-sc-'));
  try {
    const files = scripts.map((s, i) => {
      const f = join(dir, `${i}.sh`);
      writeFileSync(f, s.text);
      return f;
    });
    const stdout = await new Promise<string>((resolve, reject) => {
      execFile('shellcheck', ['-f', 'json1', '-S', 'style', '-e', EXCLUDED.join(','), ...files], { maxBuffer: 64 * 1024 * 1024, timeout: 60_000 }, (err, out) => {
        // Exit 1 means "found something"; anything without JSON output is a real failure.
        if (err && !out) reject(err);
        else resolve(out);
      });
    });
    const parsed = JSON.parse(stdout) as { comments: ScComment[] };
    const out: ShellcheckDiagnostic[] = [];
    for (const c of parsed.comments) {
      const idx = files.indexOf(c.file);
      const s = scripts[idx];
      if (!s) continue;
      const toOffset = (line: number, col: number): number | null => {
        const l = s.lines[line - 1 - s.header];
        if (!l) return null;
        return l.start + Math.min(Math.max(col - 1, 0), l.length);
      };
      const start = toOffset(c.line, c.column);
      if (start === null) continue;
      const end = toOffset(c.endLine, c.endColumn) ?? start;
      const level = (['error', 'warning', 'info', 'style'].includes(c.level) ? c.level : 'info') as ShellcheckDiagnostic['level'];
      out.push({ code: `SC${c.code}`, level, message: c.message, span: { start, end: Math.max(end, start) } });
    }
    return out;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
