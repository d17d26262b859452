import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
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

// ShellCheck's start-up is most of its cost on a Dockerfile's few scripts, so many files' scripts
// go to one process (from 8 to 64 of them), and one such process runs per core.
const MIN_PER_PROCESS = 8;
const MAX_PER_PROCESS = 64;

/**
 * Run ShellCheck over every script of the Dockerfiles; returns each one's diagnostics at source
 * positions, in the order given.
 */
export async function runShellcheck(dfs: readonly Dockerfile[]): Promise<ShellcheckDiagnostic[][]> {
  const out: ShellcheckDiagnostic[][] = dfs.map(() => []);
  const jobs: Array<{ owner: number; script: Script; file: string }> = [];
  const dir = mkdtempSync(join(tmpdir(), 'shipready-sc-'));
  try {
    dfs.forEach((df, owner) => {
      for (const script of scriptsOf(df)) {
        const file = join(dir, `${jobs.length}.sh`);
        writeFileSync(file, script.text);
        jobs.push({ owner, script, file });
      }
    });
    const cores = Math.max(1, availableParallelism());
    const per = Math.min(MAX_PER_PROCESS, Math.max(MIN_PER_PROCESS, Math.ceil(jobs.length / cores)));
    const batches: Array<typeof jobs> = [];
    for (let i = 0; i < jobs.length; i += per) batches.push(jobs.slice(i, i + per));
    const byFile = new Map(jobs.map((j) => [j.file, j]));
    let next = 0;
    const worker = async (): Promise<void> => {
      for (let b = next++; b < batches.length; b = next++) {
        for (const c of await check(batches[b].map((j) => j.file))) {
          const job = byFile.get(c.file);
          const d = job && toDiagnostic(job.script, c);
          if (d) out[job.owner].push(d);
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(batches.length, cores) }, worker));
    return out;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** One ShellCheck process over the files; its comments. */
function check(files: string[]): Promise<ScComment[]> {
  return new Promise((resolve, reject) => {
    execFile('shellcheck', ['-f', 'json1', '-S', 'style', '-e', EXCLUDED.join(','), ...files], { maxBuffer: 64 * 1024 * 1024, timeout: 120_000 }, (err, stdout) => {
      // Exit 1 means "found something"; anything without JSON output is a real failure.
      if (err && !stdout) reject(err);
      else {
        try {
          resolve((JSON.parse(stdout) as { comments: ScComment[] }).comments);
        } catch (e) {
          reject(e);
        }
      }
    });
  });
}

/** A ShellCheck comment at its place in the Dockerfile (null when it falls in the header we added). */
function toDiagnostic(s: Script, c: ScComment): ShellcheckDiagnostic | null {
  const toOffset = (line: number, col: number): number | null => {
    const l = s.lines[line - 1 - s.header];
    if (!l) return null;
    return l.start + Math.min(Math.max(col - 1, 0), l.length);
  };
  const start = toOffset(c.line, c.column);
  if (start === null) return null;
  const end = toOffset(c.endLine, c.endColumn) ?? start;
  const level = (['error', 'warning', 'info', 'style'].includes(c.level) ? c.level : 'info') as ShellcheckDiagnostic['level'];
  return { code: `SC${c.code}`, level, message: c.message, span: { start, end: Math.max(end, start) } };
}
