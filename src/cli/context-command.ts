/** `shipready context [DIR] [-f Dockerfile] [--format text|json]`: what a build sends to the builder. */
import { existsSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { InputError } from '../config/errors.js';
import { BuildContext } from '../model/context/context.js';
import { contextReport, type ContextReport } from '../model/context/report.js';
import { parseDockerfile } from '../model/dockerfile/parse.js';
import { invalidUtf8Notice, readTextFile } from '../read-input.js';
import { formatBytes } from '../rules/context/_helpers.js';
import { VERSION } from '../version.js';
import { parseArgs, UsageError, type FlagSpec } from './args.js';

export const CONTEXT_HELP = `Usage: shipready context [DIR] [-f Dockerfile] [--format text|json]

Shows what a build of DIR (default: .) sends to the builder, read exactly the way Docker reads the
.dockerignore (or <Dockerfile>.dockerignore beside the Dockerfile): files and bytes sent, the 20
largest files and directories, and what each COPY/ADD of the Dockerfile takes. Symlinks are never
followed. The Dockerfile defaults to DIR/Dockerfile; -f is relative to the working directory, like
docker build -f.

Options:
  -f, --file <path>        the Dockerfile
      --format <name>      text (default) or json
  -h, --help
`;

const FLAGS: FlagSpec[] = [
  { name: 'file', short: 'f', value: true },
  { name: 'format', value: true },
  { name: 'help', short: 'h' },
  { name: 'version', short: 'v' },
];

type IO = { out: (s: string) => void; err: (s: string) => void };

export async function contextCommand(argv: string[], io: IO, cwd = process.cwd()): Promise<number> {
  const { positionals, flags } = parseArgs(argv, FLAGS);
  if (flags.get('help')) {
    io.out(CONTEXT_HELP);
    return 0;
  }
  if (flags.get('version')) {
    io.out(`${VERSION}\n`);
    return 0;
  }
  if (positionals.length > 1) throw new UsageError('context takes one directory (see shipready context --help)');
  const format = String(flags.get('format') ?? 'text');
  if (format !== 'text' && format !== 'json') throw new UsageError('--format must be text or json');
  const dir = resolve(cwd, positionals[0] ?? '.');
  let isDir = false;
  try {
    isDir = statSync(dir).isDirectory();
  } catch {
    isDir = false;
  }
  if (!isDir) throw new InputError('is not a directory', positionals[0] ?? '.');
  const display = (abs: string) => (sep === '/' ? relative(cwd, abs) : relative(cwd, abs).split(sep).join('/')) || '.';

  const given = flags.get('file') as string | undefined;
  let dockerfile: string | null = given ? resolve(cwd, given) : null;
  if (!dockerfile) dockerfile = ['Dockerfile', 'dockerfile', 'Containerfile'].map((n) => join(dir, n)).find((p) => existsSync(p)) ?? null;
  let df = null;
  const notices: string[] = [];
  if (dockerfile) {
    const name = given ?? display(dockerfile);
    const text = readTextFile(dockerfile, name, { lenient: { onInvalid: (off) => notices.push(invalidUtf8Notice(name, off, false)) } });
    df = parseDockerfile(display(dockerfile), text);
  } else notices.push(`no Dockerfile in ${display(dir)} (use -f): COPY/ADD are not analysed`);

  const ctx = new BuildContext(dir, { dockerfile });
  const report = contextReport(ctx, df, display);
  report.notices.unshift(...notices);
  io.out(format === 'json' ? `${JSON.stringify(report, null, 2)}\n` : formatText(report));
  for (const n of report.notices) io.err(`shipready: ${n}\n`);
  return 0;
}

function pad(s: string, n: number): string {
  return s.length >= n ? s : s + ' '.repeat(n - s.length);
}

function lpad(s: string, n: number): string {
  return s.length >= n ? s : ' '.repeat(n - s.length) + s;
}

const plural = (n: number, w: string) => `${n} ${n === 1 ? w : w.endsWith('y') ? `${w.slice(0, -1)}ies` : `${w}s`}`;

export function formatText(r: ContextReport): string {
  const out: string[] = [];
  out.push(`Build context  ${r.context}`);
  out.push(`Dockerfile     ${r.dockerfile ?? '(none)'}`);
  out.push(`Ignore file    ${r.ignoreFile ? `${r.ignoreFile.path} (${plural(r.ignoreFile.patterns, 'pattern')}${r.ignoreFile.kind === 'dockerfile' ? ', Dockerfile-specific' : ''})` : 'none: nothing is excluded'}`);
  out.push('');
  out.push(`Sent           ${plural(r.sent.files, 'file')}, ${formatBytes(r.sent.bytes)} (the context after .dockerignore)`);
  const notEntered = r.excluded.directoriesNotEntered ? ` + ${plural(r.excluded.directoriesNotEntered, 'directory')} not entered` : '';
  out.push(`Excluded       ${plural(r.excluded.files, 'file')}, ${formatBytes(r.excluded.bytes)}${notEntered}`);
  if (r.dockerfile) out.push(`COPY/ADD take  ${plural(r.transferred.files, 'file')}, ${formatBytes(r.transferred.bytes)} (what BuildKit transfers for this Dockerfile)`);
  out.push(`Walked         ${plural(r.entries, 'entry')} in ${r.walkMs} ms${r.truncated ? ' (stopped at the limit)' : ''}`);
  if (r.largestFiles.length) {
    out.push('', `Largest files`);
    for (const f of r.largestFiles) out.push(`  ${lpad(formatBytes(f.bytes), 9)}  ${f.path}`);
  }
  if (r.largestDirectories.length) {
    out.push('', `Largest directories`);
    for (const d of r.largestDirectories) out.push(`  ${lpad(formatBytes(d.bytes), 9)}  ${pad(d.path, 40)} ${plural(d.files, 'file')}`);
  }
  if (r.copies.length) {
    out.push('', 'What each COPY/ADD (and RUN --mount=type=bind) takes');
    for (const c of r.copies) {
      out.push(`  ${r.dockerfile}:${c.line}  ${c.instruction}`);
      for (const s of c.sources) {
        const status = s.status === 'ok' ? '' : s.status === 'excluded' ? `  EXCLUDED by ${r.ignoreFile?.path ?? '.dockerignore'}:${s.excludedBy!.line} (${s.excludedBy!.pattern})` : s.status === 'missing' ? '  MISSING' : '  (variable not resolved)';
        out.push(`    ${pad(s.source, 30)} ${lpad(plural(s.files, 'file'), 12)}  ${lpad(formatBytes(s.bytes), 9)}${status}`);
      }
    }
  }
  return `${out.join('\n')}\n`;
}
