import { relative } from 'node:path';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { EffectiveConfig } from '../../src/config/resolve.js';
import { lintContext } from '../../src/engine/lint-context.js';
import { RuleRegistry } from '../../src/engine/registry.js';
import secretInContext from '../../src/rules/context/secret-in-context.js';
import { describe, expect, it } from 'vitest';
import { BuildContext } from '../../src/model/context/context.js';
import { contextCopySources } from '../../src/model/context/copy-sources.js';
import { locateIgnoreFile, parseDockerignore } from '../../src/model/context/dockerignore.js';
import { EntryType, EXCLUDED, HAS_SENT, isSent, SKIPPED, walkContext } from '../../src/model/context/walk.js';
import { parseDockerfile } from '../../src/model/dockerfile/parse.js';
import { makeTree, type Tree } from '../helpers/context-tester.js';

function walk(files: Parameters<typeof makeTree>[0], ignore = '', maxEntries?: number) {
  const root = makeTree(files);
  const w = walkContext(root, parseDockerignore(ignore).matcher, { maxEntries });
  const sent = w.paths.filter((_p, i) => isSent(w, i));
  const types = Object.fromEntries(w.paths.map((p, i) => [p, w.types[i]]));
  return { root, w, sent, types };
}

describe('context walk', () => {
  it('lists every entry in name order, hidden files and spaces included', () => {
    const { w } = walk({ 'b.txt': '', '.hidden': '', 'a dir/x y.txt': '', 'a dir/.env': '', 'z/': null });
    expect(w.paths).toEqual(['.hidden', 'a dir', 'a dir/.env', 'a dir/x y.txt', 'b.txt', 'z']);
    expect(w.end[1]).toBe(4); // "a dir" holds entries 2 and 3
    expect(w.parent[2]).toBe(1);
  });

  it('never follows symlinks, inside or outside the context, and survives loops', () => {
    const outside = makeTree({ 'secret.txt': 'x' });
    const { w, types } = walk({
      'real/a.txt': '',
      'in-link': { symlink: 'real' },
      'out-link': { symlink: outside },
      'out-file': { symlink: `${outside}/secret.txt` },
      'loop': { symlink: 'loop' },
      'dangling': { symlink: 'nowhere' },
    });
    expect(w.paths).toEqual(['dangling', 'in-link', 'loop', 'out-file', 'out-link', 'real', 'real/a.txt']);
    for (const p of ['dangling', 'in-link', 'loop', 'out-file', 'out-link']) expect(types[p]).toBe(EntryType.Symlink);
    expect(w.paths.some((p) => p.includes('secret'))).toBe(false);
  });

  it('skips an excluded directory unless an exception can reach inside', () => {
    const { w, sent } = walk({ 'node_modules/a/b.js': '', 'docs/keep.md': '', 'docs/x.md': '', 'src/app.js': '' }, 'node_modules\ndocs\n!docs/keep.md\n');
    const i = w.paths.indexOf('node_modules');
    expect(w.flags[i] & (EXCLUDED | SKIPPED)).toBe(EXCLUDED | SKIPPED);
    expect(w.paths).not.toContain('node_modules/a');
    const d = w.paths.indexOf('docs');
    expect(w.flags[d] & (EXCLUDED | HAS_SENT | SKIPPED)).toBe(EXCLUDED | HAS_SENT);
    expect(sent).toEqual(['docs', 'docs/keep.md', 'src', 'src/app.js']);
  });

  it('stops at the entry cap and says so', () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 30; i++) files[`d${i % 3}/f${i}`] = '';
    const { w } = walk(files, '', 10);
    expect(w.truncated).toBe(true);
    expect(w.count).toBe(10);
    for (let i = 0; i < w.count; i++) expect(w.end[i]).toBeLessThanOrEqual(10);
  });
});

describe('BuildContext', () => {
  it('uses the Dockerfile-specific ignore file of a nested Dockerfile before .dockerignore', () => {
    const root = makeTree({ 'svc/api/Dockerfile': 'FROM x\n', 'svc/api/Dockerfile.dockerignore': 'secrets\n', '.dockerignore': 'docs\n', 'secrets/k': '', 'docs/a': '' });
    const ref = locateIgnoreFile(root, `${root}/svc/api/Dockerfile`);
    expect(ref).toEqual({ path: `${root}/svc/api/Dockerfile.dockerignore`, target: `${root}/svc/api/Dockerfile.dockerignore`, kind: 'dockerfile' });
    const ctx = new BuildContext(root, { dockerfile: `${root}/svc/api/Dockerfile` });
    expect(ctx.excludedBy('secrets/k')?.raw).toBe('secrets');
    expect(ctx.excludedBy('docs/a')).toBeNull();
    // Without the Dockerfile-specific file, the context's .dockerignore applies.
    const plain = new BuildContext(root, { dockerfile: `${root}/svc/other/Dockerfile` });
    expect(plain.ignoreRef?.kind).toBe('context');
    expect(plain.excludedBy('docs/a')?.raw).toBe('docs');
  });

  // BuildKit loads the ignore file through its file transfer, which reads link targets with the
  // directory as `/`: `../../shared/x` from the context root is `<root>/shared/x`.
  it.each([
    { name: 'a link to a file in the context', files: { 'shared/common': '.env\n', '.dockerignore': { symlink: 'shared/common' } }, target: 'shared/common', notice: null },
    { name: 'an absolute link, read inside the context', files: { 'etc/ig': '.env\n', '.dockerignore': { symlink: '/etc/ig' } }, target: 'etc/ig', notice: null },
    { name: 'a link out of the context, whose path inside does not exist', files: { 'api/.env': '', '../outside/common': '.env\n', '.dockerignore': { symlink: '../outside/common' } }, target: null, notice: 'is a symlink that leads out of the build context, which BuildKit does not follow: it reads no patterns from it (the classic builder does)' },
    { name: 'a link out of the context whose path inside exists', files: { 'outside/common': 'x\n', '../outside/common': '.env\n', '.dockerignore': { symlink: '../outside/common' } }, target: 'outside/common', notice: null },
    { name: 'a dangling link', files: { '.dockerignore': { symlink: 'gone' } }, target: null, notice: null },
  ] as Array<{ name: string; files: Tree; target: string | null; notice: string | null }>)('.dockerignore as $name', ({ files, target, notice }) => {
    const top = makeTree({ ...Object.fromEntries(Object.entries(files).map(([k, v]) => [k.startsWith('../') ? k.slice(3) : `ctx/${k}`, v])), 'ctx/Dockerfile': 'FROM x\n', 'ctx/.env': '' });
    const root = `${top}/ctx`;
    const ctx = new BuildContext(root, { dockerfile: `${root}/Dockerfile` });
    expect(ctx.ignoreRef?.target ?? null).toBe(target && `${root}/${target}`);
    expect(ctx.ignoreRef?.path ?? null).toBe(target && `${root}/.dockerignore`);
    expect(ctx.excludedBy('.env')?.raw ?? null).toBe(target === 'shared/common' || target === 'etc/ig' ? '.env' : null);
    // Paths in notices are shown as the caller displays them (relative to the working directory).
    expect(ctx.ignoreNotices((abs) => relative(root, abs))).toEqual(notice ? [`.dockerignore ${notice}`] : []);
  });

  it('an empty Dockerfile-specific ignore file still wins (BuildKit reads it, finds nothing)', () => {
    const root = makeTree({ 'Dockerfile': 'FROM x\n', 'Dockerfile.dockerignore': '', '.dockerignore': 'a\n', a: '' });
    const ctx = new BuildContext(root, { dockerfile: `${root}/Dockerfile` });
    expect(ctx.ignoreRef?.kind).toBe('dockerfile');
    expect(ctx.excludedBy('a')).toBeNull();
  });

  it('resolves COPY sources through symlinks without leaving the context', () => {
    const outside = makeTree({ 'x.txt': 'outside' });
    const root = makeTree({
      'v2/app.sh': '',
      current: { symlink: 'v2' },
      abs: { symlink: '/v2/app.sh' },
      up: { symlink: '../../../v2' },
      escape: { symlink: `${outside}/x.txt` },
      loop1: { symlink: 'loop2' },
      loop2: { symlink: 'loop1' },
    });
    const ctx = new BuildContext(root);
    expect(ctx.resolve('current/app.sh')).toEqual({ path: 'v2/app.sh', type: 'file' });
    expect(ctx.resolve('abs')).toEqual({ path: 'v2/app.sh', type: 'file' });
    expect(ctx.resolve('up/app.sh')).toEqual({ path: 'v2/app.sh', type: 'file' });
    // An absolute target is read inside the context: <context>/<outside>/x.txt does not exist.
    expect(ctx.resolve('escape')).toBeNull();
    expect(ctx.resolve('loop1')).toBeNull();
  });

  it('computes what each COPY takes, with --exclude, wildcards and sizes', () => {
    const root = makeTree({
      'Dockerfile': 'FROM x\nCOPY src/ /app/\nCOPY --exclude=*.md docs /docs\nCOPY *.json /\nCOPY link /l\n',
      '.dockerignore': 'src/*.tmp\n',
      'src/a.js': '12345',
      'src/b.tmp': 'xx',
      'docs/a.md': '',
      'docs/b.txt': '123',
      'package.json': '{}',
      'tsconfig.json': '{}',
      'real/f': '1',
      link: { symlink: 'real' },
    });
    const ctx = new BuildContext(root, { dockerfile: `${root}/Dockerfile` });
    const { sources } = contextCopySources(parseDockerfile('Dockerfile', String('FROM x\nCOPY src/ /app/\nCOPY --exclude=*.md docs /docs\nCOPY *.json /\nCOPY link /l\n')));
    const taken = sources.map((s) => {
      const out: string[] = [];
      ctx.forEachPulled(s, (i) => out.push(`${ctx.walk().paths[i]}:${ctx.sizeOf(i)}`));
      return out;
    });
    expect(taken).toEqual([['src/a.js:5'], ['docs/b.txt:3'], ['package.json:2', 'tsconfig.json:2'], ['real/f:1']]);
    expect(ctx.inspect(sources[2]).rawMatches).toEqual(['package.json', 'tsconfig.json']);
  });

  it('walks nothing until asked', () => {
    const root = makeTree({ a: '' });
    const ctx = new BuildContext(root);
    expect(ctx.isWalked).toBe(false);
    ctx.excludedBy('a');
    ctx.resolve('a');
    expect(ctx.isWalked).toBe(false);
    ctx.walk();
    expect(ctx.isWalked).toBe(true);
    expect(existsSync(root)).toBe(true);
  });
});

describe('COPY --parents wildcards (include patterns, as BuildKit copies them)', () => {
  const TREE: Tree = {
    'package.json': '{}',
    'packages/a/package.json': '{}',
    'packages/b/package.json': '{}',
    'packages/a/src/i.js': '',
    'packages/b/lib/x/src/j.js': '',
    'packages/b/lib/x/src/k/l.js': '',
    'docs/guide/index.md': '',
    '.dockerignore': 'packages/b/package.json\n',
  };
  it.each([
    // `**` spans any depth, the root too; the ignore file still decides what is sent.
    { copy: 'COPY --parents **/package.json ./', raw: ['package.json', 'packages/a/package.json', 'packages/b/package.json'], pulled: ['package.json', 'packages/a/package.json'] },
    // A matched directory takes its whole subtree.
    { copy: 'COPY --parents packages/**/src ./', raw: ['packages/a/src', 'packages/b/lib/x/src'], pulled: ['packages/a/src/i.js', 'packages/b/lib/x/src/j.js', 'packages/b/lib/x/src/k/l.js'] },
    // A pivot (`/./`): the pattern is matched below it.
    { copy: 'COPY --parents packages/./**/src ./', raw: ['packages/a/src', 'packages/b/lib/x/src'], pulled: ['packages/a/src/i.js', 'packages/b/lib/x/src/j.js', 'packages/b/lib/x/src/k/l.js'] },
    { copy: 'COPY --parents packages/*/package.json ./', raw: ['packages/a/package.json', 'packages/b/package.json'], pulled: ['packages/a/package.json'] },
    // Without --parents, `**` is filepath.Match's `*` twice: one directory level only.
    { copy: 'COPY packages/**/src ./', raw: ['packages/a/src'], pulled: ['packages/a/src/i.js'] },
    { copy: 'COPY --parents=false **/package.json ./', raw: [], pulled: [] },
  ])('$copy', ({ copy, raw, pulled }) => {
    const root = makeTree({ ...TREE, Dockerfile: `FROM alpine\n${copy}\n` });
    const ctx = new BuildContext(root, { dockerfile: `${root}/Dockerfile` });
    const [src] = contextCopySources(parseDockerfile('Dockerfile', `FROM alpine\n${copy}\n`)).sources;
    expect(ctx.rawWildcardMatches(src)).toEqual(raw);
    const got: string[] = [];
    ctx.forEachPulled(src, (i) => got.push(ctx.walk().paths[i]));
    expect(got).toEqual(pulled);
  });
});

describe('names that are not valid UTF-8', () => {
  // BuildKit sends names as bytes; read as strings they would become U+FFFD names that name nothing.
  function tree() {
    const root = makeTree({ Dockerfile: 'FROM alpine\nCOPY . /app\n', 'ok.txt': 'x' });
    const dir = Buffer.concat([Buffer.from(`${root}/dir`), Buffer.from([0xfe])]);
    mkdirSync(dir);
    writeFileSync(Buffer.concat([dir, Buffer.from('/.env')]), 'A=1\n');
    writeFileSync(Buffer.concat([Buffer.from(`${root}/bad`), Buffer.from([0xff]), Buffer.from('name.env')]), 'abcd');
    return root;
  }

  it('walks into them, sizes them and shows them with U+FFFD', () => {
    const ctx = new BuildContext(tree(), {});
    const w = ctx.walk();
    expect(w.unreadable).toEqual([]);
    const rows = w.paths.map((p, i) => [p, w.types[i], ctx.sizeOf(i)]);
    expect(rows).toEqual([
      ['Dockerfile', EntryType.File, 24],
      ['bad\ufffdname.env', EntryType.File, 4],
      ['dir\ufffd', EntryType.Dir, 0],
      ['dir\ufffd/.env', EntryType.File, 4],
      ['ok.txt', EntryType.File, 1],
    ]);
  });

  it('finds a secret inside them (reported without a fix: no pattern line names the bytes)', () => {
    const root = tree();
    const eff = new EffectiveConfig({ config: {}, path: null, kind: 'shipready', baseDir: root }, new RuleRegistry([secretInContext]));
    const df = parseDockerfile('Dockerfile', 'FROM alpine\nCOPY . /app\n');
    const r = lintContext({ dockerfile: `${root}/Dockerfile`, displayPath: 'Dockerfile', df, rules: [secretInContext], config: eff.forFile('Dockerfile'), settings: eff.settings, cwd: root });
    expect(r.notices).toEqual([]);
    expect(r.findings.map((f) => [f.message, f.fix ?? null])).toEqual([['dir\ufffd/.env (an environment file) is sent to the builder and copied into the image by this COPY; exclude it: add `dir\ufffd/.env` to .dockerignore.', null]]);
  });
});
