import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeTree } from '../helpers/context-tester.js';

const root = resolve(import.meta.dirname, '../..');
const bin = join(root, 'bin/shipready.cjs');

function run(args: string[], cwd: string) {
  const r = spawnSync(process.execPath, [bin, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

beforeAll(() => {
  if (!existsSync(join(root, 'dist/cli/entry.cjs'))) spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' });
});

const TREE = {
  Dockerfile: 'FROM node:20-slim\nWORKDIR /app\nCOPY package.json ./\nRUN npm ci\nCOPY . .\nCOPY dist/ /srv/\n',
  '.dockerignore': '# local\ndist\nnode_modules\n',
  'package.json': '{"name":"x"}',
  'src/app.js': 'x'.repeat(3000),
  'src/lib/util.js': 'x'.repeat(100),
  'dist/app.js': 'y'.repeat(50),
  'node_modules/a/index.js': 'z'.repeat(9999),
  '.env': 'A=1\n',
};

describe('shipready context', () => {
  it('prints sizes, largest entries and what each COPY takes', () => {
    const dir = makeTree(TREE);
    const r = run(['context'], dir);
    expect(r.code).toBe(0);
    expect(r.out).toContain('Ignore file    .dockerignore (2 patterns)');
    expect(r.out).toMatch(/Sent {11}6 files, 3\.\d kB/);
    expect(r.out).toContain('Excluded       0 files, 0 B + 2 directories not entered');
    expect(r.out).toMatch(/Dockerfile:6 {2}COPY dist\/ \/srv\/\n {4}dist\/ +0 files +0 B {2}EXCLUDED by \.dockerignore:2 \(dist\)/);
  });

  it('gives the same data as JSON', () => {
    const dir = makeTree(TREE);
    const j = JSON.parse(run(['context', '.', '--format', 'json'], dir).out);
    const size = (p: keyof typeof TREE) => (TREE[p] as string).length;
    expect(j.sent).toEqual({ files: 6, bytes: size('src/app.js') + size('src/lib/util.js') + size('package.json') + size('.env') + size('.dockerignore') + size('Dockerfile') });
    expect(j.excluded).toEqual({ files: 0, bytes: 0, directoriesNotEntered: 2 });
    expect(j.largestFiles[0]).toEqual({ path: 'src/app.js', bytes: 3000 });
    expect(j.largestDirectories[0]).toEqual({ path: 'src/', bytes: 3100, files: 2 });
    expect(j.copies.map((c: { line: number; files: number }) => [c.line, c.files])).toEqual([[3, 1], [5, 6], [6, 0]]);
    expect(j.copies[2].sources[0]).toMatchObject({ status: 'excluded', excludedBy: { line: 2, pattern: 'dist' } });
    expect(j.transferred.files).toBe(6);
  });

  it('takes -f relative to the working directory and reads its Dockerfile-specific ignore file', () => {
    const dir = makeTree({ 'docker/web.Dockerfile': 'FROM alpine\nCOPY . /srv\n', 'docker/web.Dockerfile.dockerignore': 'secret\n', 'secret/k': 'k', 'a.txt': 'a' });
    const j = JSON.parse(run(['context', '.', '-f', 'docker/web.Dockerfile', '--format', 'json'], dir).out);
    expect(j.ignoreFile).toEqual({ path: 'docker/web.Dockerfile.dockerignore', kind: 'dockerfile', patterns: 1 });
    expect(j.excluded.directoriesNotEntered).toBe(1);
  });

  it('fails cleanly on a missing directory and unknown options', () => {
    const dir = makeTree({ a: '' });
    expect(run(['context', 'nope'], dir)).toMatchObject({ code: 2 });
    expect(run(['context', '--frmat', 'json'], dir).err).toContain('did you mean --format');
  });
});

describe('shipready lint with the build context', () => {
  it('reports context findings, and --no-context turns them off', () => {
    const dir = makeTree(TREE);
    const j = JSON.parse(run(['lint', '-f', 'json', '--no-shellcheck'], dir).out);
    const di = j.findings.filter((f: { ruleId: string }) => f.ruleId.startsWith('DI')).map((f: { file: string; line: number; ruleName: string }) => `${f.file}:${f.line} ${f.ruleName}`);
    expect(di).toEqual(['Dockerfile:5 secret-in-context', 'Dockerfile:6 copy-source-excluded']);
    const off = JSON.parse(run(['lint', '-f', 'json', '--no-shellcheck', '--no-context'], dir).out);
    expect(off.findings.filter((f: { ruleId: string }) => f.ruleId.startsWith('DI'))).toEqual([]);
  });

  it('--fix appends to the .dockerignore, keeping its comments', () => {
    const dir = makeTree(TREE);
    run(['lint', '--fix', '--no-shellcheck'], dir);
    expect(readFileSync(join(dir, '.dockerignore'), 'utf8')).toBe('# local\ndist\nnode_modules\n.env\n');
  });
});
