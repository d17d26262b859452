import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lint } from '../../../src/api.js';

let hasShellcheck = true;
try {
  execFileSync('shellcheck', ['--version']);
} catch {
  hasShellcheck = false;
  console.warn('NOTICE: shellcheck is not on PATH; ShellCheck integration tests are skipped (apt-get install shellcheck)');
}

async function scFindings(dockerfile: string, config = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'shipready-sc-'));
  writeFileSync(join(dir, 'Dockerfile'), dockerfile);
  const r = await lint(['Dockerfile'], { cwd: dir, config });
  return r.findings.filter((f) => f.ruleName === 'shellcheck').map((f) => {
    const l = f.location as { line: number; column: number; endColumn: number };
    return { code: f.aliases[0], line: l.line, column: l.column, endColumn: l.endColumn, severity: f.severity };
  });
}

describe.skipIf(!hasShellcheck)('ShellCheck integration', () => {
  it('reports SC findings at the exact line and column inside a multi-line RUN', async () => {
    const df = 'FROM debian:12\nRUN --mount=type=cache,target=/x set -e && \\\n    # comment dropped by Docker\n    echo $UNSET_THING && \\\n    true\n';
    const found = await scFindings(df);
    expect(found).toContainEqual({ code: 'SC2086', line: 4, column: 10, endColumn: 22, severity: 'info' });
  });

  it('checks many Dockerfiles in shared ShellCheck processes and gives each its own findings', async () => {
    // 300 files with 2 scripts each: several windows and several processes per window.
    const dir = mkdtempSync(join(tmpdir(), 'shipready-sc-many-'));
    for (let i = 0; i < 300; i++) {
      mkdirSync(join(dir, `s${i}`));
      const bad = i % 7 === 0 ? `echo $UNSET_${i}` : 'true';
      writeFileSync(join(dir, `s${i}`, 'Dockerfile'), `FROM debian:12\nRUN true\nRUN  ${bad}\n`);
    }
    const r = await lint(['.'], { cwd: dir, context: false });
    const sc = r.findings.filter((f) => f.ruleName === 'shellcheck').map((f) => {
      const l = f.location as { file: string; line: number; column: number; endColumn: number };
      return `${l.file}:${l.line}:${l.column}-${l.endColumn} ${f.aliases[0]}`;
    });
    const want = Array.from({ length: 300 }, (_, i) => i).filter((i) => i % 7 === 0).map((i) => `s${i}/Dockerfile:3:11-${18 + String(i).length} SC2086`);
    expect(sc.sort()).toEqual(want.sort());
  });

  it('does not flag build args and ENV names as unassigned, nor BuildKit flags', async () => {
    const df = 'FROM debian:12\nARG VERSION=1\nENV HOME_DIR=/app\nRUN --mount=type=secret,id=x echo "$VERSION $HOME_DIR $HTTP_PROXY"\n';
    expect(await scFindings(df)).toEqual([]);
  });

  it('checks shell heredoc bodies at their own lines and skips other interpreters', async () => {
    const df = 'FROM debian:12\nRUN <<EOF\nset -e\necho $1\nEOF\nRUN python3 <<PY\nprint($1)\nPY\n';
    expect(await scFindings(df)).toEqual([{ code: 'SC2086', line: 4, column: 6, endColumn: 8, severity: 'info' }]);
  });

  it('skips exec form and non-POSIX shells', async () => {
    const df = 'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nSHELL ["powershell", "-Command"]\nRUN echo $env:PATH\nFROM debian:12\nRUN ["sh", "-c", "echo $x"]\n';
    expect(await scFindings(df)).toEqual([]);
  });

  it('SC codes can be ignored by alias and re-levelled in config, and by pragma', async () => {
    const df = 'FROM debian:12\nRUN echo $UNSET_THING\n';
    expect(await scFindings(df, { ignore: ['SC2086'] })).toEqual([]);
    expect((await scFindings(df, { rules: { SC2086: 'error' } }))[0].severity).toBe('error');
    expect(await scFindings('FROM debian:12\n# hadolint ignore=SC2086\nRUN echo $UNSET_THING\n')).toEqual([]);
  });
});

describe.skipIf(!hasShellcheck)('ShellCheck severity', () => {
  it('a configured level for the shellcheck rule wins over ShellCheck\'s own level', async () => {
    const found = await scFindings('FROM debian:12\nRUN echo $UNSET_THING\n', { rules: { shellcheck: 'error' } });
    expect(found.map((f) => f.severity)).toEqual(['error']);
  });
});
