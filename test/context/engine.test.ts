import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EffectiveConfig } from '../../src/config/resolve.js';
import type { ShipreadyConfig } from '../../src/config/types.js';
import { applyContextFixes, ContextSession, lintContext } from '../../src/engine/lint-context.js';
import { RuleRegistry } from '../../src/engine/registry.js';
import type { TextLocation } from '../../src/finding.js';
import { parseDockerfile } from '../../src/model/dockerfile/parse.js';
import { contextRules } from '../../src/rules/index.js';
import { makeTree, type Tree } from '../helpers/context-tester.js';

const registry = new RuleRegistry(contextRules);

function run(files: Tree, config: ShipreadyConfig = {}, dockerfile = 'Dockerfile') {
  const root = makeTree(files);
  const eff = new EffectiveConfig({ config, path: null, kind: 'shipready', baseDir: root }, registry);
  const text = String(files[dockerfile]);
  const result = lintContext({
    dockerfile: join(root, dockerfile),
    displayPath: dockerfile,
    df: parseDockerfile(dockerfile, text),
    rules: contextRules,
    config: eff.forFile(dockerfile),
    ignoreConfig: eff.forFile('.dockerignore'),
    settings: eff.settings,
    cwd: root,
  });
  const short = result.findings.map((f) => `${(f.location as TextLocation).file}:${(f.location as TextLocation).line} ${f.ruleName}`);
  return { root, result, short, eff };
}

describe('lint-context engine', () => {
  it('applies severities, ignore lists and options from the config', () => {
    const files: Tree = { Dockerfile: 'FROM node:20\nCOPY . .\nRUN npm ci\n', '.env': 'A=1\n', 'node_modules/a': '' };
    expect(run(files).short).toEqual(['Dockerfile:2 dockerignore-missing', 'Dockerfile:2 secret-in-context', 'Dockerfile:2 unneeded-files-in-context']);
    const r = run(files, { rules: { DI002: 'warning', 'unneeded-files-in-context': 'off' }, ignore: ['dockerignore-missing'] });
    expect(r.short).toEqual(['Dockerfile:2 secret-in-context']);
    expect(r.result.findings[0].severity).toBe('warning');
  });

  it('honours suppression comments in the Dockerfile and in the .dockerignore', () => {
    const r = run({
      Dockerfile: 'FROM alpine\n# shipready-ignore secret-in-context -- test fixture\nCOPY . /x\nCOPY nope /y\nCOPY app.sh /z\n',
      'app.sh': '',
      '.dockerignore': '# shipready-ignore DI007\nmissing-a\nmissing-b\n# shipready-ignore-file dockerignore-duplicate\nmissing-b\n',
      '.env': 'A=1\n',
    });
    expect(r.short).toEqual(['.dockerignore:3 dockerignore-pattern-unused', '.dockerignore:5 dockerignore-pattern-unused', 'Dockerfile:4 copy-source-missing']);
  });

  it('reads a colon or an equals sign after shipready-ignore in the .dockerignore', () => {
    const r = run({
      Dockerfile: 'FROM alpine\nCOPY app.sh /z\n',
      'app.sh': '',
      '.dockerignore': '# shipready-ignore: DI007\nmissing-a\n# shipready-ignore-file=dockerignore-duplicate\nmissing-b\nmissing-b\n',
    });
    expect(r.short).toEqual(['.dockerignore:4 dockerignore-pattern-unused', '.dockerignore:5 dockerignore-pattern-unused']);
  });

  it('gives stable, distinct fingerprints', () => {
    const files: Tree = { Dockerfile: 'FROM alpine\nCOPY . /x\n', '.dockerignore': '', '.env': '', '.env.local': '' };
    const a = run(files).result.findings.map((f) => f.fingerprint);
    const b = run({ ...files, Dockerfile: 'FROM alpine\n\n\nCOPY . /x\n' }).result.findings.map((f) => f.fingerprint);
    expect(a).toHaveLength(2);
    expect(new Set(a).size).toBe(2);
    expect(b).toEqual(a);
  });

  it('writes fixes to the ignore file atomically, creating it when absent', () => {
    const { root, result } = run({ Dockerfile: 'FROM node:20\nCOPY . .\nRUN npm ci\n', '.env': '', 'node_modules/a': '', '.git/HEAD': '' });
    expect(result.fixTarget.exists).toBe(false);
    // The findings sit on the Dockerfile's COPY; their fixes name the ignore file they edit.
    const fixed = result.findings.filter((f) => f.fix);
    expect(fixed.length).toBeGreaterThan(0);
    for (const f of fixed) {
      expect((f.location as TextLocation).file).toBe('Dockerfile');
      expect(f.fix!.file).toBe('.dockerignore');
    }
    expect(applyContextFixes(result)).toEqual({ applied: 4, written: join(root, '.dockerignore') });
    expect(readFileSync(join(root, '.dockerignore'), 'utf8')).toBe('.env\n.git\nnode_modules\n');
  });

  it('keeps comments, CRLF and a missing final newline; unsafe fixes only on request', () => {
    const { root, result } = run({ Dockerfile: 'FROM node:20\nCOPY . .\nRUN npm ci\n', '.dockerignore': '# local\r\n*.log\r\n.cache  # tmp', '.env': '', 'node_modules/a': '' });
    applyContextFixes(result);
    expect(readFileSync(join(root, '.dockerignore'), 'utf8')).toBe('# local\r\n*.log\r\n.cache  # tmp\r\n.env\r\nnode_modules\r\n');
    const again = run({ Dockerfile: 'FROM node:20\nCOPY . .\nRUN npm ci\n', '.dockerignore': '# local\r\n*.log\r\n.cache  # tmp' });
    applyContextFixes(again.result, { unsafe: true });
    expect(readFileSync(join(again.root, '.dockerignore'), 'utf8')).toBe('# local\r\n*.log\r\n# tmp\r\n.cache');
  });

  it('a session shares walks, reports a shared ignore file once and explains a foreign context once', () => {
    const root = makeTree({
      'api/Dockerfile': 'FROM alpine\nCOPY . /x\n',
      'api/Dockerfile.prod': 'FROM alpine\nCOPY . /x\n',
      'api/.dockerignore': 'gone\n',
      'docker/Dockerfile': 'FROM alpine\nCOPY src/ /x\nCOPY package.json /y\n',
    });
    const eff = new EffectiveConfig({ config: {}, path: null, kind: 'shipready', baseDir: root }, registry);
    const session = new ContextSession();
    const lint = (p: string) => session.lintDockerfile({ dockerfile: join(root, p), displayPath: p, df: parseDockerfile(p, readFileSync(join(root, p), 'utf8')), rules: contextRules, eff, baseDir: root, cwd: root });
    const a = lint('api/Dockerfile');
    const b = lint('api/Dockerfile.prod');
    const c = lint('docker/Dockerfile');
    expect(a.findings.map((f) => f.ruleName)).toEqual(['dockerignore-pattern-unused']);
    expect(a.ignoreFile).toBe('api/.dockerignore');
    expect(b.findings).toEqual([]);
    expect(c.findings).toEqual([]);
    expect(session.summaryNotices().join('\n')).toMatch(/docker\/Dockerfile: none of the COPY\/ADD sources exist/);
  });

  it('--fix through the session re-lints until clean', () => {
    const root = makeTree({ Dockerfile: 'FROM node:20\nCOPY . .\nRUN npm ci\n', '.env': '', 'node_modules/x': '' });
    const eff = new EffectiveConfig({ config: {}, path: null, kind: 'shipready', baseDir: root }, registry);
    const r = new ContextSession().lintDockerfile({ dockerfile: join(root, 'Dockerfile'), displayPath: 'Dockerfile', df: parseDockerfile('Dockerfile', 'FROM node:20\nCOPY . .\nRUN npm ci\n'), rules: contextRules, eff, baseDir: root, cwd: root, fix: true });
    expect(existsSync(join(root, '.dockerignore'))).toBe(true);
    expect(r.findings.map((f) => f.ruleName)).toEqual([]);
  });

  it('--fix --unsafe-fixes with a duplicate line that another fix prefixes with **/: each line gets one prefix', () => {
    const df = 'FROM alpine\nCOPY . /app\n';
    const root = makeTree({ Dockerfile: df, '.dockerignore': 'node_modules\nnode_modules\n__pycache__\n', 'app/node_modules/x.js': '', 'app/__pycache__/m.pyc': '' });
    const eff = new EffectiveConfig({ config: {}, path: null, kind: 'shipready', baseDir: root }, registry);
    new ContextSession().lintDockerfile({ dockerfile: join(root, 'Dockerfile'), displayPath: 'Dockerfile', df: parseDockerfile('Dockerfile', df), rules: contextRules, eff, baseDir: root, cwd: root, fix: true, unsafeFixes: true });
    expect(readFileSync(join(root, '.dockerignore'), 'utf8')).toBe('**/node_modules\n**/__pycache__\n');
  });

  it('--fix --unsafe-fixes names a file with " #" in its name in a line no rule reads as a trailing comment', () => {
    // `.env # old` as written would be split by dockerignore-gitignore-style's fix, and the file sent again.
    const df = 'FROM alpine\nCOPY . /app\n';
    const root = makeTree({ Dockerfile: df, '.dockerignore': '', '.env # old': 'A=1\n', 'app.sh': '' });
    const eff = new EffectiveConfig({ config: {}, path: null, kind: 'shipready', baseDir: root }, registry);
    const fix = () => new ContextSession().lintDockerfile({ dockerfile: join(root, 'Dockerfile'), displayPath: 'Dockerfile', df: parseDockerfile('Dockerfile', df), rules: contextRules, eff, baseDir: root, cwd: root, fix: true, unsafeFixes: true });
    expect(fix().findings.map((f) => f.ruleName)).toEqual([]);
    expect(readFileSync(join(root, '.dockerignore'), 'utf8')).toBe('.env\\ # old\n');
    fix();
    expect(readFileSync(join(root, '.dockerignore'), 'utf8')).toBe('.env\\ # old\n');
  });

  it('--fix --unsafe-fixes appends no line that an edit of the same pass makes redundant', () => {
    // `.env` becomes `**/.env`, which excludes nested/.env too: appending nested/.env as well only repeats it.
    const df = 'FROM alpine\nCOPY . /app\n';
    const root = makeTree({ Dockerfile: df, '.dockerignore': '.env\n', 'nested/.env': 'A=1\n', 'app.sh': '' });
    const eff = new EffectiveConfig({ config: {}, path: null, kind: 'shipready', baseDir: root }, registry);
    const r = new ContextSession().lintDockerfile({ dockerfile: join(root, 'Dockerfile'), displayPath: 'Dockerfile', df: parseDockerfile('Dockerfile', df), rules: contextRules, eff, baseDir: root, cwd: root, fix: true, unsafeFixes: true });
    expect(readFileSync(join(root, '.dockerignore'), 'utf8')).toBe('**/.env\n');
    expect(r.findings.map((f) => f.ruleName)).toEqual([]);
  });

  it.each([
    { name: 'a directory', target: { '.dockerignore': null } as Tree, reason: 'a directory' },
    { name: 'a link to a directory', target: { 'shared/keep': '', '.dockerignore': { symlink: 'shared' } } as Tree, reason: 'a directory' },
  ])('--fix leaves out fixes that would write over .dockerignore when it is $name', ({ target, reason }) => {
    const df = 'FROM node:20\nCOPY . .\nRUN npm ci\n';
    const root = makeTree({ Dockerfile: df, '.git/HEAD': '', ...target });
    const eff = new EffectiveConfig({ config: {}, path: null, kind: 'shipready', baseDir: root }, registry);
    const session = new ContextSession();
    const r = session.lintDockerfile({ dockerfile: join(root, 'Dockerfile'), displayPath: 'Dockerfile', df: parseDockerfile('Dockerfile', df), rules: contextRules, eff, baseDir: root, cwd: root, fix: true });
    expect(r.errors).toEqual([]);
    expect(r.fixed).toBe(0);
    // Still reported (BuildKit reads no patterns from it), but with no fix to apply.
    expect(r.findings.map((f) => [f.ruleName, f.fix ?? null])).toEqual([['dockerignore-missing', null], ['unneeded-files-in-context', null]]);
    // Their advice to write into .dockerignore says it must become a file first.
    for (const f of r.findings) expect(f.message).toMatch(new RegExp(`\\.dockerignore\\.? \\(\\.dockerignore is ${reason}, which the builder does not read: make it a file first\\.\\)$`));
    expect(session.summaryNotices()).toContain(`.dockerignore is ${reason}: the builder reads no patterns from it, and shipready leaves out the fixes that would write it`);
  });

  it('--fix never writes through a .dockerignore link out of the context; BuildKit reads no patterns from it', () => {
    const df = 'FROM alpine\nCOPY . /app\n';
    const top = makeTree({ 'shared/common.dockerignore': '.env\n', 'svc/api/Dockerfile': df, 'svc/api/.env': 'API_KEY=live_123\n', 'svc/api/.dockerignore': { symlink: '../../shared/common.dockerignore' } });
    const root = join(top, 'svc/api');
    const eff = new EffectiveConfig({ config: {}, path: null, kind: 'shipready', baseDir: root }, registry);
    const session = new ContextSession();
    const r = session.lintDockerfile({ dockerfile: join(root, 'Dockerfile'), displayPath: 'Dockerfile', df: parseDockerfile('Dockerfile', df), rules: contextRules, eff, baseDir: root, cwd: root, fix: true });
    expect(r.findings.map((f) => [f.ruleName, f.fix ?? null])).toEqual([['dockerignore-missing', null], ['secret-in-context', null]]);
    expect(readFileSync(join(top, 'shared/common.dockerignore'), 'utf8')).toBe('.env\n');
    expect(session.summaryNotices()).toEqual(['.dockerignore is a symlink that leads out of the build context, which BuildKit does not follow (the classic builder does): the builder reads no patterns from it, and shipready leaves out the fixes that would write it']);
  });

  it('stops walking a huge context with a notice', () => {
    const files: Tree = { Dockerfile: 'FROM alpine\nCOPY . /x\n', '.dockerignore': '' };
    for (let i = 0; i < 20; i++) files[`d/f${i}`] = '';
    const root = makeTree(files);
    const eff = new EffectiveConfig({ config: {}, path: null, kind: 'shipready', baseDir: root }, registry);
    const session = new ContextSession(10);
    session.lintDockerfile({ dockerfile: join(root, 'Dockerfile'), displayPath: 'Dockerfile', df: parseDockerfile('Dockerfile', String(files.Dockerfile)), rules: contextRules, eff, baseDir: root, cwd: root });
    expect(session.summaryNotices()).toEqual(['the build context . has more than 10 entries: shipready stopped walking it there, so context findings may be incomplete']);
  });
});

describe('lint() with Compose projects', () => {
  it('checks a service Dockerfile against the build context the Compose file declares', async () => {
    const { lint } = await import('../../src/api.js');
    const root = makeTree({
      'compose.yaml': 'services:\n  app:\n    build:\n      context: .\n      dockerfile: docker/Dockerfile\n',
      'docker/Dockerfile': 'FROM node:20-slim\nCOPY package.json ./\nCOPY . .\n',
      'package.json': '{}',
      '.env': 'TOKEN=1\n',
    });
    const r = await lint([root], { cwd: root, shellcheck: false });
    const ctx = r.findings.filter((f) => f.ruleId.startsWith('DI')).map((f) => `${(f.location as TextLocation).file}:${(f.location as TextLocation).line} ${f.ruleName}`);
    // The context is the project root: package.json exists there, and .env would be sent.
    expect(ctx).toContain('docker/Dockerfile:3 secret-in-context');
    expect(ctx.some((s) => s.includes('copy-source-missing'))).toBe(false);
    expect(r.notices.join('\n')).not.toContain('probably built with another context');
  });
});
