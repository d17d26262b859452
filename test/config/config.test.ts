import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lint, loadConfig } from '../../src/api.js';
import { ConfigError } from '../../src/config/errors.js';

function project(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'shipready-cfg-'));
  mkdirSync(join(dir, '.git'));
  for (const [p, c] of Object.entries(files)) {
    mkdirSync(join(dir, p, '..'), { recursive: true });
    writeFileSync(join(dir, p), c);
  }
  return dir;
}

async function configError(files: Record<string, string>): Promise<ConfigError> {
  const dir = project(files);
  try {
    await loadConfig(dir);
  } catch (e) {
    if (e instanceof ConfigError) return e;
    throw e;
  }
  throw new Error('expected a ConfigError');
}

const DF = 'FROM node:latest\nRUN apt-get install curl\n';

describe('config loading and validation', () => {
  it('rejects an unknown key with a hint and its position', async () => {
    const e = await configError({ '.shipready.yaml': 'rules:\n  latest-tag: error\nfailureTreshold: error\n' });
    expect(e.oneLine).toMatch(/\/\.shipready\.yaml:3:1: failureTreshold: unknown key/);
    expect(e.message).toBe('failureTreshold: unknown key "failureTreshold" (did you mean "failureThreshold"?)');
    expect([e.line, e.column]).toEqual([3, 1]);
  });

  it('rejects an unknown rule with a did-you-mean', async () => {
    const e = await configError({ '.shipready.yaml': 'rules:\n  latest-tagg: error\n' });
    expect(e.message).toBe('rules.latest-tagg: unknown rule "latest-tagg" (did you mean "latest-tag"?)');
    expect([e.line, e.column]).toEqual([2, 3]);
  });

  it('rejects a bad severity and bad YAML with positions', async () => {
    const bad = await configError({ '.shipready.yaml': 'rules:\n  DL3007: fatal\n' });
    expect(bad.message).toMatch(/^rules\.DL3007: severity must be one of off, style, info, warning, error/);
    const yaml = await configError({ '.shipready.yaml': 'rules: [\n' });
    expect(yaml.message).toMatch(/^invalid YAML/);
    expect(yaml.line).toBeGreaterThanOrEqual(1);
    const deep = await configError({ '.shipready.yaml': `rules: ${'['.repeat(100_000)}${']'.repeat(100_000)}\n` });
    expect(deep.message).toBe('the YAML nests too deeply to be read');
    // A second document: said in the config's terms, at its `---`.
    const two = await configError({ '.hadolint.yaml': 'ignored: [DL3008]\n---\nignored: [DL3007]\n' });
    expect(two.oneLine).toMatch(/\/\.hadolint\.yaml:2:1: invalid YAML: a config is one document, and a second one starts here$/);
  });

  it('rejects a key that appears twice in one mapping, at the first repeat in the text', async () => {
    const e = await configError({ '.shipready.yaml': 'rules:\n  latest-tag: error\n  latest-tag: off\n' });
    expect(e.message).toBe('invalid YAML: the key "latest-tag" appears twice in one mapping');
    expect([e.line, e.column]).toEqual([3, 3]);
    // The inner repeat comes first in the text, though its mapping is inside the outer one.
    const nested = await configError({ '.shipready.yaml': 'rules:\n  a: {x: 1, x: 2}\n  a: off\n' });
    expect(nested.message).toBe('invalid YAML: the key "x" appears twice in one mapping');
    expect([nested.line, nested.column]).toEqual([2, 13]);
    // The same key in two mappings, and 1 beside "1", are not repeats.
    const fine = await configError({ '.shipready.yaml': 'overrides:\n  - files: [a]\n    rules: {latest-tag: off}\n  - files: [b]\n    rules: {latest-tag: off}\nx: {1: a, "1": b}\n' });
    expect(fine.message).toMatch(/^x: unknown key/);
    // A mapping with 30,000 keys is checked in one pass; the first bad key is reported.
    const huge = await configError({ '.shipready.yaml': `rules:\n${Array.from({ length: 30_000 }, (_, i) => `  r${i}: off\n`).join('')}` });
    expect(huge.message).toMatch(/^rules\.r0: unknown rule "r0"/);
  });

  it('names a huge unknown rule in a short message, without comparing all of it', async () => {
    const e = await configError({ '.shipready.yaml': `rules:\n  ? ${'x'.repeat(200_000)}\n  : off\nignore: [${'y'.repeat(200_000)}]\n` });
    expect(e.message).toBe(`rules.${'x'.repeat(60)}…: unknown rule "${'x'.repeat(60)}…" (and 1 more problem)`);
    const h = await configError({ '.hadolint.yaml': `ignored: [${'z'.repeat(100_000)}]\n` });
    expect(h.message).toBe(`ignored.0: unknown rule "${'z'.repeat(60)}…"`);
  });

  it('rejects an alias without an anchor, and too many aliases, as config errors at the alias', async () => {
    const unresolved = await configError({ '.hadolint.yaml': 'ignored: [DL3008]\ntrustedRegistries: [<<: *registry]\n' });
    expect(unresolved.message).toMatch(/^invalid YAML: Unresolved alias/);
    expect([unresolved.line, unresolved.column]).toEqual([2, 25]);
    const bomb = await configError({ '.shipready.yaml': `a: &a [x, x]\n${Array.from({ length: 12 }, (_, i) => `b${i}: &b${i} [${`*${i ? `b${i - 1}` : 'a'}, `.repeat(9)}x]`).join('\n')}\nignore: *b11\n` });
    expect(bomb.message).toMatch(/^invalid YAML: .*alias/i);
  });

  it('reports a mapping used as a key on one line, the key cut short', async () => {
    const e = await configError({ '.shipready.yaml': '?\n  rules:\n  latest-tag: error\n  apt-unpinned: off\n  shellcheck: info\n  SC2086: off\nignore: [DL3059]\n' });
    expect(e.oneLine).not.toMatch(/\n/);
    expect(e.message).toBe('{ rules:, latest-tag: error, apt-unpinned: off, shellcheck: …: unknown key "{ rules:, latest-tag: error, apt-unpinned: off, shellcheck: …"');
  });

  it('says nothing on stderr about a collection used as a key (validation reports the key)', async () => {
    const warnings: string[] = [];
    const onWarning = (w: Error) => warnings.push(w.message);
    process.on('warning', onWarning);
    try {
      const e = await configError({ '.shipready.yaml': '? [a, b]\n: 1\n' });
      expect(e).toBeInstanceOf(ConfigError);
      await new Promise((r) => setImmediate(r));
      expect(warnings).toEqual([]);
    } finally {
      process.off('warning', onWarning);
    }
  });

  it('accepts codes, names and aliases for rules and ignore', async () => {
    const dir = project({ '.shipready.yaml': 'rules:\n  DF007: error\n  apt-missing-yes: off\nignore: [DL3008]\n', Dockerfile: DF });
    const r = await lint(['.'], { cwd: dir, shellcheck: false });
    const latest = r.findings.find((f) => f.ruleName === 'latest-tag');
    expect(latest?.severity).toBe('error');
    expect(r.findings.some((f) => f.ruleName === 'apt-missing-yes')).toBe(false);
  });

  it('matches an override glob that a backtracking RegExp would take exponential time on', async () => {
    const deepName = 'a'.repeat(120);
    const dir = project({
      '.shipready.yaml': `overrides:\n  - files: ["${'*a'.repeat(30)}b/Dockerfile"]\n    rules:\n      latest-tag: off\n`,
      [`${deepName}/Dockerfile`]: DF,
    });
    const r = await lint(['.'], { cwd: dir, shellcheck: false, context: false });
    expect(r.findings.filter((f) => f.ruleName === 'latest-tag')).toHaveLength(1);
  });

  it('applies per-path overrides', async () => {
    const dir = project({
      '.shipready.yaml': 'overrides:\n  - files: ["legacy/**"]\n    rules:\n      latest-tag: off\n',
      Dockerfile: DF,
      'legacy/Dockerfile': DF,
    });
    const r = await lint(['.'], { cwd: dir, shellcheck: false });
    const files = r.findings.filter((f) => f.ruleName === 'latest-tag').map((f) => (f.location as { file: string }).file);
    expect(files).toEqual(['Dockerfile']);
  });

  it('honours .hadolint.yaml through aliases when no shipready config exists', async () => {
    const dir = project({
      '.hadolint.yaml': 'ignored:\n  - DL3014\noverride:\n  error:\n    - DL3007\nfailure-threshold: error\ntrustedRegistries:\n  - docker.io\n',
      Dockerfile: DF,
    });
    const loaded = await loadConfig(dir);
    expect(loaded.kind).toBe('hadolint');
    expect(loaded.config).toEqual({ ignore: ['DL3014'], rules: { DL3007: 'error' }, failureThreshold: 'error', trustedRegistries: ['docker.io'] });
    const r = await lint(['.'], { cwd: dir, shellcheck: false });
    expect(r.findings.find((f) => f.ruleName === 'latest-tag')?.severity).toBe('error');
    expect(r.findings.some((f) => f.aliases.includes('DL3014'))).toBe(false);
    expect(r.failureThreshold).toBe('error');
  });

  it('prefers its own config over .hadolint.yaml', async () => {
    const dir = project({ '.hadolint.yaml': 'ignored: [DL3007]\n', '.shipready.yaml': 'failureThreshold: warning\n' });
    const loaded = await loadConfig(dir);
    expect([loaded.kind, loaded.config]).toEqual(['shipready', { failureThreshold: 'warning' }]);
  });

  it('rejects unknown hadolint keys too', async () => {
    const e = await configError({ '.hadolint.yaml': 'ignore:\n  - DL3008\n' });
    expect(e.message).toBe('ignore: unknown hadolint key "ignore" (did you mean "ignored"?)');
  });

  it('rejects hadolint settings of the wrong type instead of reading them as off or empty', async () => {
    const cases: Array<[string, string]> = [
      ['no-fail: "yes"\n', '1:1: no-fail: must be true or false, got a string'],
      ['strict-labels: 1\n', '1:1: strict-labels: must be true or false, got a number'],
      ['disable-ignore-pragma: on\n', '1:1: disable-ignore-pragma: must be true or false, got a string'],
      ['no-color: yes\n', '1:1: no-color: must be true or false, got a string'],
      ['trustedRegistries: docker.io\n', '1:1: trustedRegistries: must be a list of registry names, got a string'],
      ['label-schema: [maintainer]\n', '1:1: label-schema: must be a mapping of label name to type, got a list'],
      ['format: xml\n', '1:1: format: must be one of text, json, sarif, github, checkstyle, gitlab, junit, gnu, sonarqube, codeclimate, codacy, rdjson, rdjsonl, tty, gitlab_codeclimate'],
      ['override: [DL3008]\n', '1:1: override: must be a mapping of level to codes'],
      // A misspelt code (letter O for zero) in override, as in ignored.
      ['override:\n  error:\n    - DL3007\n    - DL3OO8\n', '4:7: override.error.1: unknown rule "DL3OO8"'],
    ];
    for (const [text, message] of cases) {
      const e = await configError({ '.hadolint.yaml': text });
      expect(e.oneLine.slice(e.oneLine.indexOf('.hadolint.yaml:') + 15)).toBe(message);
    }
    // What hadolint accepts still loads: codes of rules shipready lacks, an empty label schema.
    const loaded = await loadConfig(project({ '.hadolint.yaml': 'override:\n  error: [DL3007, SC1234]\nlabel-schema:\nno-fail: false\nformat: gitlab_codeclimate\n' }));
    expect(loaded.config).toEqual({ rules: { DL3007: 'error', SC1234: 'error' }, labelSchema: {}, noFail: false, format: 'gitlab' });
  });

  it('validates rule options against the rule metadata', async () => {
    const e = await configError({ '.shipready.yaml': 'rules:\n  latest-tag:\n    severity: error\n    options:\n      foo: 1\n' });
    expect(e.message).toBe('rules.latest-tag.options.foo: unknown option "foo": this rule has no options');
  });
});
