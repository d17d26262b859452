import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve, sep } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const bin = join(root, 'bin/shipready.cjs');

function run(args: string[], opts: { cwd?: string; input?: string; env?: Record<string, string> } = {}) {
  const r = spawnSync(process.execPath, [bin, ...args], { cwd: opts.cwd ?? root, input: opts.input, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', ...opts.env } });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

function tmp(files: Record<string, string | Buffer>): string {
  const dir = mkdtempSync(join(tmpdir(), 'shipready-cli-'));
  mkdirSync(join(dir, '.git'));
  for (const [p, c] of Object.entries(files)) {
    mkdirSync(join(dir, p, '..'), { recursive: true });
    writeFileSync(join(dir, p), c);
  }
  return dir;
}

beforeAll(() => {
  if (!existsSync(join(root, 'dist/cli/entry.cjs'))) spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' });
});

describe('shipready CLI', () => {
  it('reads Compose variables from --compose-env-file instead of the project .env, and refuses one it cannot read', () => {
    const dir = tmp({ 'compose.yaml': 'services:\n  web:\n    image: "nginx:${TAG}"\n', '.env': 'TAG=latest\n', 'env/prod.env': 'TAG=1.27.3\n' });
    const latest = (args: string[]) => JSON.parse(run(['lint', '--no-context', '-f', 'json', ...args], { cwd: dir }).out).findings.filter((f: { ruleId: string }) => f.ruleId === 'DC020').length;
    expect(latest([])).toBe(1);
    expect(latest(['--compose-env-file', 'env/prod.env'])).toBe(0);
    const missing = run(['lint', '--compose-env-file', 'nope.env'], { cwd: dir });
    expect(missing.code).toBe(2);
    expect(missing.err).toBe('shipready: nope.env: cannot read --compose-env-file nope.env (ENOENT)\n');
  });

  it('finds Dockerfiles by name, skipping .git and node_modules', () => {
    const dir = tmp({
      'Dockerfile': 'FROM node:latest\n',
      'svc/Dockerfile.prod': 'FROM node:latest\n',
      'svc/api.dockerfile': 'FROM node:latest\n',
      'svc/Containerfile': 'FROM node:latest\n',
      // The ignore files BuildKit reads for Dockerfile and svc/Containerfile, not Dockerfiles.
      'Dockerfile.dockerignore': '.git\n',
      'svc/Containerfile.dockerignore': 'node_modules\n',
      'node_modules/x/Dockerfile': 'FROM node:latest\n',
      '.git/Dockerfile': 'FROM node:latest\n',
      'README.md': 'FROM node:latest\n',
    });
    const r = run(['lint', '--format', 'json', '--no-shellcheck', '--ignore', 'user-missing,healthcheck-missing,full-base-image'], { cwd: dir });
    const files = [...new Set(JSON.parse(r.out).findings.map((f: { file: string }) => f.file))].sort();
    expect(files).toEqual(['Dockerfile', 'svc/Containerfile', 'svc/Dockerfile.prod', 'svc/api.dockerfile']);
    expect(r.code).toBe(1);
  });

  it('follows a symlink given as the path and symlinked Dockerfiles, but not symlinked directories inside', () => {
    const project = tmp({ 'docker/Dockerfile.prod': 'FROM node:latest\n', 'compose.yaml': 'services:\n  app:\n    image: nginx:latest\n' });
    symlinkSync('docker/Dockerfile.prod', join(project, 'Dockerfile')); // a file symlink: found
    symlinkSync('.', join(project, 'loop')); // a directory symlink inside: not walked (no loop, no duplicates)
    const elsewhere = tmp({});
    symlinkSync(project, join(elsewhere, 'link'));
    const files = (r: { out: string }) => [...new Set(JSON.parse(r.out).findings.map((f: { file: string }) => f.file))].sort();
    const viaLink = run(['lint', 'link', '-f', 'json', '--no-shellcheck', '--no-context'], { cwd: elsewhere });
    expect(viaLink.err).toBe('');
    expect(files(viaLink)).toEqual(['link/Dockerfile', 'link/compose.yaml', 'link/docker/Dockerfile.prod']);
    const inside = run(['lint', '-f', 'json', '--no-shellcheck', '--no-context'], { cwd: project });
    expect(files(inside)).toEqual(['Dockerfile', 'compose.yaml', 'docker/Dockerfile.prod']);
  });

  it('lints absolute paths, to a file or a directory, from another working directory', () => {
    const project = tmp({ 'svc/Dockerfile': 'FROM node:latest\n' });
    const elsewhere = tmp({ 'README.md': 'x' });
    for (const target of [join(project, 'svc/Dockerfile'), join(project, 'svc'), project]) {
      const r = run(['lint', target, '-f', 'json', '--no-shellcheck', '--no-context'], { cwd: elsewhere });
      expect(r.err).toBe('');
      const j = JSON.parse(r.out);
      expect(j.summary.filesLinted).toBe(1);
      expect(j.findings.find((f: { ruleName: string }) => f.ruleName === 'latest-tag').file).toBe(relative(elsewhere, join(project, 'svc/Dockerfile')).split(sep).join('/'));
      expect(r.code).toBe(1);
    }
  });

  it('prints the JSON contract', () => {
    const dir = tmp({ 'Dockerfile': 'FROM debian:12\nRUN apt-get install -y --no-install-recommends curl=7.88.1-10 && rm -rf /var/lib/apt/lists/*\nFROM debian:latest\n' });
    const r = run(['lint', '-f', 'json', '--no-shellcheck', '--ignore', 'user-missing'], { cwd: dir });
    const j = JSON.parse(r.out);
    expect(j.tool).toEqual({ name: 'shipready', version: JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version });
    const latest = j.findings.find((f: { ruleName: string }) => f.ruleName === 'latest-tag');
    expect(latest).toMatchObject({ ruleId: 'DF007', aliases: ['DL3007'], severity: 'warning', file: 'Dockerfile', line: 3, column: 6, endLine: 3, endColumn: 19 });
    expect(latest.fingerprint).toMatch(/^[0-9a-f]{16}$/);
    expect(j.summary.filesLinted).toBe(1);
  });

  it('reads stdin with --type dockerfile', () => {
    const r = run(['lint', '-', '--type', 'dockerfile', '-f', 'json', '--no-shellcheck'], { input: 'FROM alpine:latest\n' });
    const j = JSON.parse(r.out);
    expect(j.findings.find((f: { ruleName: string }) => f.ruleName === 'latest-tag').file).toBe('-');
    expect(r.code).toBe(1);
  });

  it('tells a Compose file on stdin from a Dockerfile when --type is not given, as hadolint users pipe one in', () => {
    const rules = (r: { out: string }) => JSON.parse(r.out).findings.map((f: { ruleId: string }) => f.ruleId.slice(0, 2));
    const df = run(['lint', '-', '-f', 'json', '--no-shellcheck'], { input: '# syntax=docker/dockerfile:1\nFROM alpine:latest\n' });
    expect(new Set(rules(df))).toEqual(new Set(['DF']));
    const compose = run(['lint', '-', '-f', 'json'], { input: '# the stack\nservices:\n  db:\n    image: postgres:latest\n' });
    expect(new Set(rules(compose))).toEqual(new Set(['DC']));
    // --type still decides, and a Compose file must be UTF-8 while a Dockerfile is read leniently.
    expect(rules(run(['lint', '-', '--type', 'dockerfile', '-f', 'json', '--no-shellcheck'], { input: 'services:\n' }))).toContain('DF');
    const bad = Buffer.from('services:\n  db:\n    image: caf\xe9\n', 'latin1');
    expect(run(['lint', '-', '-f', 'json'], { input: bad as unknown as string }).err).toBe('shipready: -: is not valid UTF-8 (bad byte near offset 30)\n');
  });

  it('exits 0 when nothing reaches the failure threshold', () => {
    const dir = tmp({ 'Dockerfile': 'FROM alpine:latest\n' });
    expect(run(['lint', '--failure-threshold', 'error', '--no-shellcheck'], { cwd: dir }).code).toBe(0);
    expect(run(['lint', '--no-fail', '--no-shellcheck'], { cwd: dir }).code).toBe(0);
  });

  it('exits 0 with findings when every report is for a Code Climate engine or Codacy runner, which take any other exit for a crash', () => {
    const dir = tmp({ 'Dockerfile': 'FROM alpine:latest\n' });
    const engine = run(['lint', '-f', 'codeclimate', '--no-shellcheck'], { cwd: dir });
    expect(engine.out).toContain('"check_name":"DF007/latest-tag"');
    expect(engine.code).toBe(0);
    expect(run(['lint', '-f', 'codacy', '--no-shellcheck'], { cwd: dir }).code).toBe(0);
    // Another report beside it still gates the run; a run error is still 2.
    expect(run(['lint', '-f', 'codeclimate', '-o', 'cc.json', '-f', 'text', '--no-shellcheck'], { cwd: dir }).code).toBe(1);
    expect(run(['lint', '-f', 'codeclimate', 'missing', '--no-shellcheck'], { cwd: dir }).code).toBe(2);
  });

  it('exits 2 with a one-line message on usage errors', () => {
    for (const args of [['lint', '--formt', 'json'], ['lint', '-f', 'yaml'], ['frobnicate'], ['lint', 'no/such/path'], ['explain', 'DL9999'], ['lint', '-f', 'json', '-o', '']]) {
      const r = run(args, { input: '' });
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.err.trim().split('\n')).toHaveLength(1);
      expect(r.err).toMatch(/^shipready: /);
      expect(r.err).not.toMatch(/\n\s+at /);
    }
    expect(run(['lint', '--formt', 'json']).err).toContain('did you mean --format?');
    // (An empty -o was "cannot write the report: it is a directory".)
    expect(run(['lint', '-f', 'json', '--output=']).err).toBe('shipready: -o needs a file name\n');
  });

  it('says ShellCheck is missing only when a Dockerfile was linted', () => {
    // A PATH without shellcheck, whatever this machine has installed.
    const env = { ...process.env, NO_COLOR: '1', PATH: '/nonexistent' };
    const notice = /shellcheck not found on PATH/;
    const missing = spawnSync(process.execPath, [bin, 'lint', 'no/such/path'], { cwd: root, encoding: 'utf8', env });
    expect(missing.status).toBe(2);
    expect(missing.stderr).not.toMatch(notice);
    const dir = tmp({ 'Dockerfile': 'FROM alpine:3.20\nRUN echo hi\n' });
    const linted = spawnSync(process.execPath, [bin, 'lint'], { cwd: dir, encoding: 'utf8', env });
    expect(linted.stderr).toMatch(notice);
  });

  it('lints on when ShellCheck itself fails, and says which files it could not check', () => {
    const dir = tmp({ 'Dockerfile': 'FROM debian:12\nRUN echo $X\n', 'bin/shellcheck': '#!/bin/sh\nif [ "$1" = --version ]; then echo 0.9.0; exit 0; fi\necho crashed >&2\nexit 3\n' });
    chmodSync(join(dir, 'bin/shellcheck'), 0o755);
    const r = run(['lint', 'Dockerfile', '-f', 'json', '--no-context'], { cwd: dir, env: { PATH: `${join(dir, 'bin')}:${process.env.PATH}` } });
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/^shipready: shellcheck failed \(.*\): the RUN scripts of 1 Dockerfile were not checked with it$/m);
    expect(JSON.parse(r.out).findings.length).toBeGreaterThan(0);
  });

  it('exits 2 on binary input, without a stack trace', () => {
    const dir = tmp({ 'Dockerfile': Buffer.from([0x46, 0x52, 0x00, 0x01, 0xff]) });
    const r = run(['lint', '--no-shellcheck'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.err).toContain('Dockerfile: looks binary (NUL byte at offset 2)');
    expect(r.err).not.toMatch(/\n\s+at /);
  });

  it('lints a Dockerfile that is not valid UTF-8 (as BuildKit and hadolint read it), with a notice, and does not fix it', () => {
    // A Latin-1 é (0xE9) in a LABEL: invalid UTF-8.
    const latin1 = Buffer.concat([Buffer.from('FROM alpine:3.20\nLABEL maintainer="Jos'), Buffer.from([0xe9]), Buffer.from('"\nRUN apk add curl\n')]);
    const dir = tmp({ 'Dockerfile': latin1 });
    const r = run(['lint', '-f', 'json', '--no-shellcheck', '--no-context'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.err).toContain('shipready: Dockerfile: not valid UTF-8 (bad byte near offset 38); linted with the invalid bytes read as U+FFFD');
    const apk = JSON.parse(r.out).findings.find((f: { ruleName: string }) => f.ruleName === 'apk-cache');
    expect(apk).toMatchObject({ line: 3, column: 5 });
    const fixed = run(['lint', '--fix', '--no-shellcheck', '--no-context'], { cwd: dir });
    expect(fixed.err).toContain('and not fixed (writing it back would replace them)');
    expect(readFileSync(join(dir, 'Dockerfile'))).toEqual(latin1);
    // From stdin too.
    const piped = spawnSync(process.execPath, [bin, 'lint', '-', '--type', 'dockerfile', '-f', 'json', '--no-shellcheck'], { cwd: dir, input: latin1, encoding: 'utf8' });
    expect(piped.stderr).toContain('shipready: -: not valid UTF-8 (bad byte near offset 38)');
    expect(JSON.parse(piped.stdout).findings.some((f: { ruleName: string }) => f.ruleName === 'apk-cache')).toBe(true);
  });

  it('exits 2 on a bad config file, naming file and position', () => {
    const dir = tmp({ '.shipready.yaml': 'rulez: {}\n', 'Dockerfile': 'FROM alpine:3.19\n' });
    const r = run(['lint'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/\.shipready\.yaml:1:1: rulez: unknown key "rulez" \(did you mean "rules"\?\)/);
  });

  it('--fix applies safe fixes atomically and leaves no temp files', () => {
    const dir = tmp({ 'Dockerfile': 'FROM debian:12\nRUN apt-get install curl\n' });
    const before = readFileSync(join(dir, 'Dockerfile'), 'utf8');
    const r = run(['lint', '--fix', '--no-shellcheck', '-f', 'json'], { cwd: dir });
    const after = readFileSync(join(dir, 'Dockerfile'), 'utf8');
    expect(after).not.toBe(before);
    expect(after).toContain('apt-get install -y');
    expect(JSON.parse(r.out).findings.some((f: { ruleName: string }) => f.ruleName === 'apt-missing-yes')).toBe(false);
    expect(readdirSync(dir).filter((f) => f.includes('.tmp'))).toEqual([]);
  });

  it('--fix keeps a Dockerfile\'s UTF-8 byte order mark', () => {
    const dir = tmp({ 'Dockerfile': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('FROM debian:12\nRUN apt-get install curl\n')]) });
    const r = run(['lint', '--fix', '--no-shellcheck', '-f', 'json'], { cwd: dir });
    const after = readFileSync(join(dir, 'Dockerfile'));
    expect([...after.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(after.subarray(3).toString('utf8')).toBe('FROM debian:12\nRUN apt-get install -y curl\n');
    expect(JSON.parse(r.out).findings.filter((f: { ruleName: string }) => f.ruleName === 'apt-missing-yes')).toEqual([]);
  });

  it('--fix counts the fixes it applied to Dockerfiles, Compose files and .dockerignore files', () => {
    const dir = tmp({
      'Dockerfile': 'FROM debian:12\nRUN apt-get install curl\nMAINTAINER a@b.c\nCOPY . /app\n',
      '.dockerignore': 'node_modules\n',
      '.env': 'TOKEN=1\n',
      'compose.yaml': 'version: "3.8"\nservices:\n  web:\n    image: nginx:1.27\n',
    });
    const before = JSON.parse(run(['lint', '--no-shellcheck', '-f', 'json'], { cwd: dir }).out).summary;
    const r = JSON.parse(run(['lint', '--fix', '--no-shellcheck', '-f', 'json'], { cwd: dir }).out);
    expect(before.fixed).toBeUndefined();
    expect(r.summary.fixed).toBeGreaterThanOrEqual(4);
    const ids = r.findings.map((f: { ruleName: string }) => f.ruleName);
    for (const fixedRule of ['apt-missing-yes', 'maintainer-deprecated', 'version-obsolete', 'secret-in-context']) expect(ids).not.toContain(fixedRule);
    expect(r.summary.fixed).toBe(before.fixable - before.unsafeFixable - (r.summary.fixable - r.summary.unsafeFixable));
  });

  it('does not touch files without --fix', () => {
    const dir = tmp({ 'Dockerfile': 'FROM debian:12\nRUN apt-get install curl\n' });
    run(['lint', '--no-shellcheck'], { cwd: dir });
    expect(readFileSync(join(dir, 'Dockerfile'), 'utf8')).toBe('FROM debian:12\nRUN apt-get install curl\n');
  });

  it('lists and explains rules by code, name or alias', () => {
    const list = run(['rules']);
    expect(list.code).toBe(0);
    expect(list.out).toMatch(/^DF007\s+latest-tag\s+DL3007\s+warning/m);
    for (const key of ['DF007', 'latest-tag', 'DL3007', 'dl3007']) {
      const r = run(['explain', key]);
      expect(r.code).toBe(0);
      expect(r.out.split('\n')[0]).toBe('DF007 latest-tag (DL3007)');
    }
    expect(run(['explain', 'latest-tagg']).err).toContain('did you mean "latest-tag"?');
  });

  it('rdjsonl carries fixes as suggestions, with UTF-8 byte columns read from the file', () => {
    const dir = tmp({ 'Dockerfile': 'FROM debian:12\nLABEL x="é"\nRUN apt-get update && apt-get install curl=7.88.1-10\n' });
    const r = run(['lint', '-f', 'rdjsonl', '--no-shellcheck', '--no-context'], { cwd: dir });
    const yes = r.out.split('\n').filter(Boolean).map((l) => JSON.parse(l)).find((d) => d.code.value === 'DF012/apt-missing-yes');
    expect(yes.location.range.start).toEqual({ line: 3, column: 23 });
    expect(yes.suggestions).toEqual([{ range: { start: { line: 3, column: 38 }, end: { line: 3, column: 38 } }, text: ' -y' }]);
  });

  it('writes the report to --output', () => {
    const dir = tmp({ 'Dockerfile': 'FROM alpine:latest\n' });
    const r = run(['lint', '-f', 'sarif', '-o', 'report.sarif', '--no-shellcheck'], { cwd: dir });
    expect(r.out).toBe('');
    expect(JSON.parse(readFileSync(join(dir, 'report.sarif'), 'utf8')).version).toBe('2.1.0');
  });

  it("takes the output format from the config's `format` (hadolint's too), with --format first", () => {
    const sarif = run(['lint', '--no-shellcheck'], { cwd: tmp({ 'Dockerfile': 'FROM alpine:latest\n', '.shipready.yaml': 'format: sarif\n' }) });
    const log = JSON.parse(sarif.out);
    expect(log.version).toBe('2.1.0');
    // The rule metadata SARIF lists is there, though only the config asked for SARIF.
    expect(log.runs[0].tool.driver.rules.length).toBeGreaterThan(100);
    const dir = tmp({ 'Dockerfile': 'FROM alpine:latest\n', '.hadolint.yaml': 'format: gnu\n' });
    expect(run(['lint', '--no-shellcheck'], { cwd: dir }).out).toMatch(/^Dockerfile:1\.6-18: warning: .* \[DF007\/latest-tag\]$/m);
    expect(run(['lint', '--no-shellcheck', '-f', 'tty'], { cwd: dir }).out).toMatch(/^Dockerfile:1:6 {2}warning/m);
    const codacy = run(['lint', '--no-shellcheck', '--no-context'], { cwd: tmp({ 'Dockerfile': 'FROM alpine:latest\n', '.hadolint.yaml': 'format: codacy\n' }) });
    expect(codacy.out.split('\n').filter(Boolean).map((l) => JSON.parse(l))).toContainEqual(expect.objectContaining({ filename: 'Dockerfile', patternId: 'DF007', line: 1 }));
    // Codacy's runner, like a Code Climate engine's, takes a non-zero exit for a crash: 0 with findings, as hadolint exits.
    expect(codacy.code).toBe(0);
    // hadolint's environment variables too, where no shipready config exists.
    const env = run(['lint', '--no-shellcheck', '--no-context'], { cwd: tmp({ 'Dockerfile': 'FROM alpine:latest\n' }), env: { HADOLINT_FORMAT: 'json', HADOLINT_IGNORE: 'DL3007' } });
    expect(JSON.parse(env.out).findings.map((f: { ruleName: string }) => f.ruleName)).not.toContain('latest-tag');
    const bad = run(['lint', '--no-shellcheck'], { cwd: tmp({ 'Dockerfile': 'FROM alpine:latest\n', '.shipready.yaml': 'format: jsno\n' }) });
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/\.shipready\.yaml:1:1: format: must be one of text, json, .*gnu, sonarqube, codeclimate, codacy, rdjson, rdjsonl \(did you mean "json"\?\)/);
  });
});

describe("hadolint's command-line flags", () => {
  const ids = (r: { out: string }) => JSON.parse(r.out).findings.map((f: { ruleName: string; severity: string; line: number }) => `${f.ruleName}:${f.severity}:${f.line}`);
  const lint = (dir: string, ...args: string[]) => run(['lint', '-f', 'json', '--no-shellcheck', '--no-context', ...args], { cwd: dir });

  it('--error/--warning/--info/--style set rule levels over the config, its per-path overrides included', () => {
    const dir = tmp({
      'Dockerfile': 'FROM alpine:latest\nRUN apk add curl\n',
      '.shipready.yaml': 'ignore: [user-missing, healthcheck-missing]\nrules:\n  latest-tag: info\noverrides:\n  - files: [Dockerfile]\n    rules:\n      latest-tag: style\n',
    });
    expect(ids(lint(dir))).toEqual(['latest-tag:style:1', 'apk-cache:info:2', 'apk-unpinned:warning:2']);
    const r = lint(dir, '--error', 'DL3007', '--style', 'apk-unpinned,DF020');
    expect(ids(r)).toEqual(['latest-tag:error:1', 'apk-cache:style:2', 'apk-unpinned:style:2']);
    // Named under two levels: the most severe wins, whatever the order (as in hadolint).
    expect(ids(lint(dir, '--error', 'DL3018', '--style', 'DL3018'))).toContain('apk-unpinned:error:2');
    // A ShellCheck code is a valid key.
    expect(lint(dir, '--warning', 'SC2086').code).toBe(1);
    const bad = lint(dir, '--warning', 'latest-tagg');
    expect(bad.code).toBe(2);
    expect(bad.err).toBe('shipready: unknown rule "latest-tagg" in --warning (did you mean latest-tag?)\n');
  });

  it("accepts the codes of rules hadolint removed (DL3005, ...) wherever a rule is named, as hadolint does, and matches nothing with them", () => {
    const dir = tmp({ 'Dockerfile': 'FROM alpine:latest\nRUN apk add curl\n', '.shipready.yaml': 'ignore: [user-missing, healthcheck-missing, DL3031]\nrules:\n  DL3039: off\n' });
    const r = lint(dir, '--ignore', 'DL3005', '--error', 'dl3017');
    expect(r.err).toBe('');
    expect(ids(r)).toEqual(['latest-tag:warning:1', 'apk-cache:info:2', 'apk-unpinned:warning:2']);
    const explain = run(['explain', 'DL3005']);
    expect([explain.code, explain.err]).toEqual([2, 'shipready: DL3005 is a rule hadolint removed; no rule checks it, and ignoring it does nothing\n']);
  });

  it("--trusted-registry and --require-label add to the config's lists; --strict-labels and --disable-ignore-pragma switch on", () => {
    const dir = tmp({
      'Dockerfile': '# hadolint ignore=DL3007\nFROM ghcr.io/acme/base:latest\nFROM quay.io/x/y:1\nLABEL extra=1\n',
      '.shipready.yaml': 'ignore: [user-missing, healthcheck-missing]\ntrustedRegistries: [ghcr.io]\n',
    });
    expect(ids(lint(dir))).toEqual(['untrusted-registry:error:3']);
    expect(ids(lint(dir, '--trusted-registry', 'quay.io'))).toEqual([]);
    expect(ids(lint(dir, '--require-label', 'org.opencontainers.image.version:semver', '--strict-labels'))).toEqual(['label-missing:info:3', 'untrusted-registry:error:3', 'label-unexpected:info:4']);
    expect(ids(lint(dir, '--disable-ignore-pragma'))).toEqual(['latest-tag:warning:2', 'untrusted-registry:error:3']);
    const bad = lint(dir, '--require-label', 'version:number');
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/^shipready: --require-label version:number: give NAME:TYPE, the type one of text, url, semver/);
  });

  it('writes one report per -f, each -o taking the -f before it; formats fighting over stdout are a usage error', () => {
    const dir = tmp({ 'Dockerfile': 'FROM alpine:latest\n' });
    const r = run(['lint', '--no-shellcheck', '-f', 'sarif', '-o', 'r.sarif', '-f', 'gnu', '-f', 'json', '-o', 'r.json'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/^Dockerfile:1\.6-18: warning: .*\[DF007\/latest-tag\]$/m);
    expect(JSON.parse(readFileSync(join(dir, 'r.sarif'), 'utf8')).version).toBe('2.1.0');
    expect(JSON.parse(readFileSync(join(dir, 'r.json'), 'utf8')).findings.length).toBeGreaterThan(0);
    // An -o before any -f takes the first format.
    const early = run(['lint', '--no-shellcheck', '-o', 'early.txt', '-f', 'gnu'], { cwd: dir });
    expect(early.out).toBe('');
    expect(readFileSync(join(dir, 'early.txt'), 'utf8')).toMatch(/^Dockerfile:1\.6-18: warning/m);
    const usage = (args: string[]) => run(['lint', '--no-shellcheck', ...args], { cwd: dir });
    expect(usage(['-f', 'json', '-f', 'sarif']).err).toBe('shipready: formats json and sarif would both go to standard output; give all but one of them an -o FILE\n');
    expect(usage(['-f', 'json', '-o', 'a', '-o', 'b']).err).toBe('shipready: -o b: each -o FILE needs a -f FORMAT of its own before it\n');
    expect(usage(['-f', 'json', '-o', 'a', '-f', 'gnu', '-o', 'a']).err).toBe('shipready: -o a is given for two formats\n');
    expect(usage(['-f', 'json', '-f', 'xml', '-o', 'x']).err).toMatch(/^shipready: unknown format "xml"/);
    // A report that cannot be written: exit 2, one line in words, no temporary file named.
    const nowhere = usage(['-f', 'json', '-o', 'no/such/dir/r.json']);
    expect(nowhere.code).toBe(2);
    expect(nowhere.err).toBe('shipready: no/such/dir/r.json: cannot write the report: its directory does not exist\n');
    expect(usage(['-f', 'json', '-o', '.git']).err).toBe('shipready: .git: cannot write the report: it is a directory\n');
    expect(readdirSync(dir).sort()).toEqual(['.git', 'Dockerfile', 'early.txt', 'r.json', 'r.sarif']);
  });

  it('--file-path-in-report names the one linted file as given, in every report', () => {
    const dir = tmp({ 'Dockerfile': 'FROM alpine:latest\n', 'sub/Dockerfile': 'FROM alpine:latest\n' });
    const r = run(['lint', 'Dockerfile', '--no-shellcheck', '--file-path-in-report', 'docker/app/Dockerfile', '-f', 'checkstyle', '-f', 'text', '-o', 'r.txt'], { cwd: dir });
    expect(r.out).toMatch(/<file name="docker\/app\/Dockerfile">/);
    expect(r.out).not.toMatch(/name="Dockerfile"/);
    // The code frame still shows the line.
    expect(readFileSync(join(dir, 'r.txt'), 'utf8')).toMatch(/^docker\/app\/Dockerfile:1:6 [\s\S]*\n {2}1 \| FROM alpine:latest$/m);
    expect(run(['lint', 'Dockerfile', '--file-path-in-report', ''], { cwd: dir }).err).toBe('shipready: --file-path-in-report needs a path\n');
    const two = run(['lint', '--no-shellcheck', '--file-path-in-report', 'x'], { cwd: dir });
    expect(two.code).toBe(2);
    expect(two.err).toBe('shipready: --file-path-in-report renames the one file a run lints; this run linted 2 files\n');
  });

  it('-V (or HADOLINT_VERBOSE without a shipready config) says which config was used and the settings in effect', () => {
    const dir = tmp({ 'Dockerfile': 'FROM alpine:3.20\n', '.hadolint.yaml': 'ignored: [DL3007]\n' });
    const r = run(['lint', '-V', '--no-shellcheck', '--ignore', 'DL3008'], { cwd: dir });
    expect(r.err).toContain(`shipready: config: ${join(realpathSync(dir), '.hadolint.yaml')} (a hadolint config), with command-line settings\n`);
    expect(r.err).toContain('shipready: settings: {"ignore":["DL3007","DL3008"]}\n');
    expect(run(['lint', '--no-shellcheck'], { cwd: dir, env: { HADOLINT_VERBOSE: 'yes' } }).err).toMatch(/^shipready: config: .*\.hadolint\.yaml \(a hadolint config\)\n/m);
    expect(run(['lint', '--no-shellcheck'], { cwd: dir, env: { HADOLINT_VERBOSE: '0' } }).err).not.toContain('config:');
    const plain = tmp({ 'Dockerfile': 'FROM alpine:3.20\n' });
    expect(run(['lint', '--verbose', '--no-shellcheck'], { cwd: plain }).err).toContain('shipready: config: none (defaults)\nshipready: settings: {}\n');
  });
});


describe('dev containers are recognised wherever shipready runs from', () => {
  const files = {
    '.devcontainer/Dockerfile': 'FROM python:3.12\nRUN pip install --no-cache-dir ruff==0.6.9\n',
    '.devcontainer/compose.yaml': 'services:\n  dev:\n    build: .\n    command: sleep infinity\n',
  };
  const rulesFor = (out: string) => new Set((JSON.parse(out) as { findings: Array<{ ruleName: string }> }).findings.map((f) => f.ruleName));
  it.each([
    ['the project', '.', ['.devcontainer']],
    ['inside .devcontainer/ (the display path no longer names it)', '.devcontainer', ['.']],
  ])('from %s', (_, at, args) => {
    const dir = tmp(files);
    const r = run(['lint', '--no-shellcheck', '-f', 'json', '--no-fail', ...args], { cwd: join(dir, at) });
    expect(r.code).toBe(0);
    const rules = rulesFor(r.out);
    for (const skipped of ['user-missing', 'full-base-image', 'restart-policy-missing', 'healthcheck-missing']) expect(rules.has(skipped)).toBe(false);
  });

  it('while the same files elsewhere are linted as shipped', () => {
    const dir = tmp(Object.fromEntries(Object.entries(files).map(([k, v]) => [k.replace('.devcontainer', 'app'), v])));
    const r = run(['lint', '--no-shellcheck', '-f', 'json', '--no-fail', '.'], { cwd: join(dir, 'app') });
    const rules = rulesFor(r.out);
    for (const fired of ['user-missing', 'full-base-image', 'restart-policy-missing']) expect(rules.has(fired)).toBe(true);
  });
});
