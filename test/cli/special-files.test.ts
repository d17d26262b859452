// Inputs that are not regular files: devices that never end, pipes. Nothing may hang or read without bound.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, openSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const bin = join(root, 'bin/shipready.cjs');
const unix = process.platform !== 'win32';
const hasBash = unix && spawnSync('bash', ['-c', 'true']).status === 0;
const hasPython = unix && spawnSync('python3', ['-c', 'pass']).status === 0;

function run(args: string[], opts: { cwd?: string; stdinFile?: string } = {}) {
  const r = spawnSync(process.execPath, [bin, ...args], {
    cwd: opts.cwd ?? root, encoding: 'utf8', timeout: 30_000, env: { ...process.env, NO_COLOR: '1' },
    stdio: [opts.stdinFile ? openSync(opts.stdinFile, 'r') : 'pipe', 'pipe', 'pipe'],
  });
  return { code: r.status, out: r.stdout, err: r.stderr, timedOut: r.error !== undefined };
}

/** `bash -c` with process substitution, the way users hand shipready a pipe. */
function bash(script: string, cwd: string) {
  const r = spawnSync('bash', ['-c', script], { cwd, encoding: 'utf8', timeout: 30_000, env: { ...process.env, NO_COLOR: '1', BIN: bin } });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

function tmp(files: Record<string, string> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'shipready-special-'));
  mkdirSync(join(dir, '.git'));
  for (const [p, c] of Object.entries(files)) writeFileSync(join(dir, p), c);
  return dir;
}

const mkfifo = (path: string) => spawnSync('mkfifo', [path]).status === 0;

beforeAll(() => {
  spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'ignore' });
});

describe.skipIf(!unix)('files that are not regular files', () => {
  it('refuses a device that never ends, named as the Dockerfile, on stdin or as the config, with exit 2', () => {
    const dir = tmp({ Dockerfile: 'FROM alpine:3.20\n' });
    const named = run(['lint', '/dev/zero', '--no-shellcheck'], { cwd: dir });
    expect(named.timedOut).toBe(false);
    expect(named.code).toBe(2);
    expect(named.out).toContain('/dev/zero: file is too large to lint (more than 8388608 bytes)');
    const stdin = run(['lint', '-'], { cwd: dir, stdinFile: '/dev/zero' });
    expect([stdin.code, stdin.err]).toEqual([2, 'shipready: -: is too large to lint (more than 8388608 bytes)\n']);
    const config = run(['lint', '-c', '/dev/zero', 'Dockerfile'], { cwd: dir });
    expect([config.code, config.err]).toEqual([2, 'shipready: /dev/zero: cannot read config: larger than 8388608 bytes\n']);
  });

  it('stops reading an image stream that never ends after its archive does (an endless empty tar, raw or gzipped)', () => {
    const dir = tmp();
    const named = run(['image', '/dev/zero'], { cwd: dir });
    expect([named.timedOut, named.code]).toEqual([false, 2]);
    expect(named.err).toBe('shipready: /dev/zero: no manifest.json or index.json found: not a docker save archive or an OCI image layout\n');
    if (!hasBash) return;
    // The gzip stream's decoder used to wait for a reader forever; Node then exited 0 with nothing said.
    const gz = bash('head -c 200000000 /dev/zero | gzip -1 | node "$BIN" image -', dir);
    expect([gz.code, gz.err]).toEqual([2, 'shipready: -: no manifest.json or index.json found: not a docker save archive or an OCI image layout\n']);
  });

  it('does not read a pipe it only found (an ignore file, a config), and says so', () => {
    const dir = tmp({ Dockerfile: 'FROM alpine:3.20\nCOPY app.py /app/\n', 'app.py': 'print(1)\n' });
    if (!mkfifo(join(dir, '.dockerignore'))) return;
    const r = run(['lint', 'Dockerfile', '--no-shellcheck', '-f', 'json'], { cwd: dir });
    expect(r.timedOut).toBe(false);
    expect(r.code).toBe(1);
    expect(r.err).toContain('shipready: .dockerignore is not a regular file: the builder reads no patterns from it');
    const dir2 = tmp({ Dockerfile: 'FROM alpine:3.20\n' });
    mkfifo(join(dir2, '.shipready.yaml'));
    const c = run(['lint', 'Dockerfile'], { cwd: dir2 });
    expect(c.timedOut).toBe(false);
    expect(c.code).toBe(2);
    expect(c.err).toContain('.shipready.yaml: cannot read config: not a regular file');
  });

  it.skipIf(!hasPython)('waits for standard input handed over as a non-blocking pipe that is written late', () => {
    // (Some runners pass stdin with O_NONBLOCK set: reading it at once fails with EAGAIN.)
    const script = [
      'import os, fcntl, subprocess, sys, time',
      'r, w = os.pipe()',
      'fcntl.fcntl(r, fcntl.F_SETFL, fcntl.fcntl(r, fcntl.F_GETFL) | os.O_NONBLOCK)',
      'p = subprocess.Popen([sys.argv[1], sys.argv[2], "lint", "-", "-f", "json"], stdin=r, stdout=subprocess.PIPE, stderr=subprocess.PIPE)',
      'os.close(r)',
      'time.sleep(0.5)',
      'os.write(w, b"FROM alpine\\n")',
      'os.close(w)',
      'out, err = p.communicate()',
      'print(p.returncode)',
      'print(out.decode())',
      'print(err.decode(), file=sys.stderr)',
    ].join('\n');
    const r = spawnSync('python3', ['-c', script, process.execPath, bin], { encoding: 'utf8', timeout: 30_000 });
    const [code, ...json] = r.stdout.split('\n');
    expect([code, r.stderr.trim()]).toEqual(['1', '']);
    expect(JSON.parse(json.join('\n')).findings.map((f: { ruleId: string }) => f.ruleId)).toEqual(['DF100', 'DF009']);
  });

  it.skipIf(!hasBash)('reads a pipe named on the command line: a Dockerfile, a Compose env file', () => {
    const dir = tmp({ 'compose.yaml': 'services:\n  web:\n    image: "nginx:${TAG}"\n' });
    const df = bash('node "$BIN" lint <(printf "FROM alpine\\n") --no-shellcheck -f json', dir);
    expect(df.code).toBe(1);
    expect(JSON.parse(df.out).findings.map((f: { ruleId: string }) => f.ruleId)).toEqual(['DF100', 'DF009']);
    // The env file is checked without being read: the loader reads the pipe, once.
    const floating = (envArg: string) => JSON.parse(bash(`node "$BIN" lint --no-context -f json ${envArg}`, dir).out).findings.filter((f: { ruleId: string }) => f.ruleId === 'DC020').length;
    expect(floating('--compose-env-file <(echo TAG=latest)')).toBe(1);
    expect(floating('--compose-env-file <(echo TAG=1.27.3)')).toBe(0);
  });
});
