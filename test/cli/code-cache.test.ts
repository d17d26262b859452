import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

// bin/shipready.cjs loads the CLI's chunks (dist/cli/*.cjs) through V8 code caches. These tests run
// a copy of bin/ and dist/cli/ so that they can delete, corrupt and remove files freely.
const root = resolve(import.meta.dirname, '../..');

beforeAll(() => {
  if (!existsSync(join(root, 'dist/cli/entry.cjs'))) spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' });
});

function install(): { dir: string; cli: string } {
  const dir = mkdtempSync(join(tmpdir(), 'shipready-install-'));
  cpSync(join(root, 'bin'), join(dir, 'bin'), { recursive: true });
  cpSync(join(root, 'dist/cli'), join(dir, 'dist/cli'), { recursive: true });
  cpSync(join(root, 'package.json'), join(dir, 'package.json'));
  symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'));
  return { dir, cli: join(dir, 'dist/cli') };
}

const project = (() => {
  const dir = mkdtempSync(join(tmpdir(), 'shipready-cache-project-'));
  mkdirSync(join(dir, '.git'));
  writeFileSync(join(dir, 'Dockerfile'), 'FROM node:latest\nRUN apt-get update && apt-get install curl\nCMD node server.js\n');
  return dir;
})();

function lint(installDir: string, env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [join(installDir, 'bin/shipready.cjs'), 'lint', '--no-shellcheck', '-f', 'json'], { cwd: project, encoding: 'utf8', env: { ...process.env, ...env } });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

/** Chunks that entry.cjs requires up front (so every run loads them). */
const entryChunks = (cli: string) => [...readFileSync(join(cli, 'entry.cjs'), 'latin1').matchAll(/require\("\.\/(chunk-[A-Z0-9]+)\.js"\)/g)].map((m) => `${m[1]}.cjs`);
const caches = (cli: string) => readdirSync(cli).filter((f) => f.endsWith('.cache')).sort();
const reference = () => lint(root);

describe('code-cached CLI chunks', () => {
  it('writes a cache for each chunk it loads when there is none, with the same output', () => {
    const { dir, cli } = install();
    for (const f of caches(cli)) rmSync(join(cli, f));
    const first = lint(dir);
    expect(first.code).toBe(1);
    expect(first.out).toBe(reference().out);
    const written = caches(cli);
    expect(written).toContain('entry.cjs.cache');
    // Each cache starts with its chunk's build id (the chunk's last line).
    for (const f of written) {
      const id = /shipready-build ([0-9a-f]{16})\n$/.exec(readFileSync(join(cli, f.replace(/\.cache$/, '')), 'latin1'))?.[1];
      expect(readFileSync(join(cli, f)).toString('latin1', 0, 16)).toBe(id);
    }
    expect(lint(dir).out).toBe(first.out);
    // Only chunks a Dockerfile lint needs were loaded: the image command's chunk was not.
    expect(written.some((f) => f.startsWith('image-command-'))).toBe(false);
    // Nor the rules' docs (scripts/lazy-docs.mjs), which only rules, explain and some formats read.
    expect(written).not.toContain('rule-docs.cjs.cache');
  });

  it('loads neither the other formatters nor the image model for a text report on a Dockerfile', () => {
    const { dir, cli } = install();
    for (const f of caches(cli)) rmSync(join(cli, f));
    const r = spawnSync(process.execPath, [join(dir, 'bin/shipready.cjs'), 'lint', '--no-shellcheck'], { cwd: project, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('DF');
    const written = caches(cli);
    expect(written.some((f) => f.startsWith('text-'))).toBe(true);
    expect(written.some((f) => f.startsWith('formatters-'))).toBe(false);
    // model/image/fs.ts holds the image's default PATH.
    const loaded = written.map((f) => readFileSync(join(cli, f.replace(/\.cache$/, '')), 'latin1'));
    expect(loaded.filter((code) => code.includes('/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'))).toEqual([]);
  });

  it('ignores a corrupt or foreign cache and rewrites it', () => {
    const { dir, cli } = install();
    const entryCache = join(cli, 'entry.cjs.cache');
    const good = readFileSync(entryCache);
    writeFileSync(entryCache, Buffer.concat([good.subarray(0, 16), Buffer.from('not V8 data at all')]));
    const other = `${entryChunks(cli)[0]}.cache`;
    writeFileSync(join(cli, other), Buffer.concat([Buffer.from('0123456789abcdef'), readFileSync(join(cli, other)).subarray(16)]));
    const r = lint(dir);
    expect(r.code).toBe(1);
    expect(r.out).toBe(reference().out);
    expect(readFileSync(entryCache).length).toBeGreaterThan(100);
    expect(readFileSync(entryCache).subarray(0, 16)).toEqual(good.subarray(0, 16));
    expect(readFileSync(join(cli, other)).toString('latin1', 0, 16)).not.toBe('0123456789abcdef');
  });

  it('runs without caches and writes none with SHIPREADY_NO_CODE_CACHE', () => {
    const { dir, cli } = install();
    for (const f of caches(cli)) rmSync(join(cli, f));
    const r = lint(dir, { SHIPREADY_NO_CODE_CACHE: '1' });
    expect(r.out).toBe(reference().out);
    expect(caches(cli)).toEqual([]);
  });

  it('says what is wrong, in one line, when a chunk is missing', () => {
    const { dir, cli } = install();
    const chunk = entryChunks(cli)[0];
    rmSync(join(cli, chunk));
    const r = lint(dir);
    expect(r.code).toBe(2);
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(r.err).toContain(`cannot read ${join(cli, chunk)} (ENOENT)`);
    expect(r.out).toBe('');
  });
});
