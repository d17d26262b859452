import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { lint } from '../../src/api.js';
import { EffectiveConfig } from '../../src/config/resolve.js';
import { composeSuppressions, lintComposeAndFix } from '../../src/engine/lint-compose.js';
import { RuleRegistry } from '../../src/engine/registry.js';
import type { TextLocation } from '../../src/finding.js';
import type { ComposeRule, ComposeRuleContext } from '../../src/rules/compose-types.js';
import { defineRule } from '../../src/rules/types.js';
import { composeRules } from '../../src/rules/index.js';
import { ROOT, runCompose } from '../helpers/compose-tester.js';

const at = (f: { location: unknown; ruleName: string }) => `${(f.location as TextLocation).line}:${(f.location as TextLocation).column} ${f.ruleName}`;

describe('compose engine', () => {
  it('honours next-line suppressions for the key and its block, and file-level ones', () => {
    const code = [
      '# shipready-ignore-file container-name-fixed',
      'services:',
      '  # shipready-ignore DC001, host-namespace -- a debugging tool',
      '  tool:',
      '    image: x:1',
      '    privileged: true',
      '    network_mode: host',
      '    container_name: tool',
      '  app:',
      '    image: x:1',
      '    # shipready-ignore privileged',
      '    privileged: true',
      '    pid: host',
      '',
    ].join('\n');
    const r = runCompose({ code }, composeRules.filter((x) => ['privileged', 'host-namespace', 'container-name-fixed'].includes(x.name)) as ComposeRule[]);
    expect(r.findings.map(at)).toEqual(['13:10 host-namespace']);
  });

  it('parses suppression comments with reasons', () => {
    const sups = composeSuppressions({ path: 'c.yaml', abs: null, role: 'main', text: 'a:\n  # shipready-ignore DC016,DC017 -- reason\n  b: 1\n  c: 2\nd: 3\n', source: null as never });
    expect(sups).toEqual([{ codes: ['DC016', 'DC017'], file: 'c.yaml', start: 'a:\n  # shipready-ignore DC016,DC017 -- reason\n'.length, end: 'a:\n  # shipready-ignore DC016,DC017 -- reason\n  b: 1\n'.length }]);
  });

  it('reads a colon or an equals sign after shipready-ignore', () => {
    for (const pragma of ['# shipready-ignore: DC016,DC017', '# shipready-ignore=DC016,DC017']) {
      const text = `a:\n  ${pragma}\n  b: 1\n`;
      expect(composeSuppressions({ path: 'c.yaml', abs: null, role: 'main', text, source: null as never }).map((x) => x.codes), pragma).toEqual([['DC016', 'DC017']]);
    }
  });

  it('applies configured severities and ignores, and makes stable fingerprints', () => {
    const rules = composeRules.filter((x) => x.name === 'privileged' || x.name === 'container-name-fixed') as ComposeRule[];
    const registry = new RuleRegistry(rules);
    const eff = new EffectiveConfig({ config: { rules: { privileged: 'info' }, ignore: ['DC023'] }, path: null, kind: 'shipready', baseDir: ROOT }, registry);
    const code = 'services:\n  a:\n    image: x:1\n    privileged: true\n    container_name: a1\n';
    const run = (text: string) => lintComposeAndFix({ inputs: [{ abs: `${ROOT}/compose.yaml`, display: 'compose.yaml', text }], cwd: ROOT, env: {}, readFile: () => undefined, rules, config: eff.forFile('compose.yaml'), settings: eff.settings, write: false, texts: new Map([[`${ROOT}/compose.yaml`, text]]) });
    const r = run(code);
    expect(r.findings.map((f) => `${f.ruleName}:${f.severity}`)).toEqual(['privileged:info']);
    const moved = run(`# a comment\n\n${code}`);
    expect(moved.findings[0].fingerprint).toBe(r.findings[0].fingerprint);
    expect((moved.findings[0].location as TextLocation).line).toBe(6);
  });

  it('does not run a rule the config ignores (by id, name or alias)', () => {
    let runs = 0;
    const counting = defineRule<ComposeRuleContext>({
      id: 'DC998',
      name: 'test-counting',
      aliases: ['counting-alias'],
      meta: { target: 'compose', category: 'reliability', severity: 'warning', fixable: null, status: 'stable', docs: { summary: 's', why: 'w', bad: '', good: '' }, messages: { m: 'm' } },
      check(ctx) {
        runs++;
        ctx.report({ messageId: 'm', at: ctx.services[0].keyOrigin });
      },
    }) as ComposeRule;
    const registry = new RuleRegistry([counting]);
    const text = 'services:\n  a:\n    image: x:1\n';
    const run = (ignore: string[]) => {
      const eff = new EffectiveConfig({ config: { ignore }, path: null, kind: 'shipready', baseDir: ROOT }, registry);
      return runComposeWith(eff, text, [counting]).findings.map((f) => f.ruleId);
    };
    expect(run([])).toEqual(['DC998']);
    expect(runs).toBe(1);
    for (const key of ['DC998', 'test-counting', 'counting-alias']) expect(run([key])).toEqual([]);
    expect(runs).toBe(1);
  });

  it('keeps every comment and blank line that safe fixes do not touch', () => {
    const text = [
      '# Stack for the shop.   ',
      '',
      'version: "3.9"',
      '',
      'x-common: &common  # shared bits',
      '  image: shop/api:1.0',
      '',
      'services:',
      '  # --- API ---',
      '  api:',
      '    <<: *common',
      '    depends_on:',
      '      db:',
      '        required: true   # was: healthy',
      '    ports:',
      '      - 2222:22  # ssh for debugging',
      '',
      '    # last line of api',
      '',
      '  db:',
      '    image: postgres:16.4  # pinned',
      '    healthcheck:',
      '      test: ["CMD", "pg_isready"]',
      '    volumes: [pg:/var/lib/postgresql/data]',
      '',
      '# trailing comment',
      'volumes:',
      '  pg: {}   # named volume',
      '',
    ].join('\n');
    const rules = composeRules as ComposeRule[];
    const registry = new RuleRegistry(rules);
    const eff = new EffectiveConfig({ config: {}, path: null, kind: 'default', baseDir: ROOT }, registry);
    const r = lintComposeAndFix({ inputs: [{ abs: `${ROOT}/compose.yaml`, display: 'compose.yaml' }], cwd: ROOT, env: {}, readFile: (a) => (a === `${ROOT}/compose.yaml` ? text : undefined), rules, config: eff.forFile('compose.yaml'), settings: eff.settings, write: false });
    const fixed = r.texts.get(`${ROOT}/compose.yaml`)!;
    expect(fixed).not.toBe(text);
    // Every comment line and every blank line of the input is still there, in order.
    const kept = (s: string) => s.split('\n').filter((l) => l.trim() === '' || l.includes('#')).map((l) => (l.includes('#') ? l.slice(l.indexOf('#')) : ''));
    const before = kept(text);
    const after = kept(fixed);
    let i = 0;
    for (const line of after) if (line === before[i]) i++;
    expect(i).toBe(before.length);
    expect(fixed).toContain('# Stack for the shop.   \n\n\nx-common');
    // (Waiting for a healthy dependency is unsafe: it changes how the project starts.)
    expect(fixed).toContain('required: true   # was: healthy\n    ports:');
    expect(fixed).toContain('- "2222:22"  # ssh for debugging');
    // (Restart and logging fixes are unsafe: nothing is added to the api service here.)
    expect(fixed).toContain('      - "2222:22"  # ssh for debugging\n\n    # last line of api');
    // The fixed file parses and the safe findings are gone (the schema still wants the condition
    // that only the unsafe fix adds).
    expect(r.project.issues.map((i) => i.kind)).toEqual(['schema']);
    expect(r.findings.filter((f) => f.fix?.applicability === 'safe')).toEqual([]);
    // With unsafe fixes, the condition goes in below the commented line, which stays as it was.
    const u = lintComposeAndFix({ inputs: [{ abs: `${ROOT}/compose.yaml`, display: 'compose.yaml' }], cwd: ROOT, env: {}, readFile: (a) => (a === `${ROOT}/compose.yaml` ? text : undefined), rules, config: eff.forFile('compose.yaml'), settings: eff.settings, write: false, unsafe: true });
    expect(u.texts.get(`${ROOT}/compose.yaml`)).toContain('required: true   # was: healthy\n        condition: service_healthy\n');
    expect(u.project.issues).toEqual([]);
  });
});

function runComposeWith(eff: EffectiveConfig, text: string, rules: ComposeRule[]) {
  return lintComposeAndFix({ inputs: [{ abs: `${ROOT}/compose.yaml`, display: 'compose.yaml' }], cwd: ROOT, env: {}, readFile: (a) => (a === `${ROOT}/compose.yaml` ? text : undefined), rules, config: eff.forFile('compose.yaml'), settings: eff.settings, write: false });
}

describe('lint() with Compose files', () => {
  const dir = mkdtempSync(join(tmpdir(), 'shipready-compose-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  mkdirSync(join(dir, 'api'));
  writeFileSync(join(dir, 'api/Dockerfile.prod'), 'FROM node:latest\nCMD ["node", "s.js"]\n');
  writeFileSync(join(dir, 'compose.yaml'), 'services:\n  api:\n    build: {context: api, dockerfile: Dockerfile.prod}\n    restart: always\n');
  writeFileSync(join(dir, 'compose.override.yaml'), 'services:\n  api:\n    privileged: true\n');
  writeFileSync(join(dir, 'staging.yml'), 'services:\n  api:\n    cap_add: [SYS_ADMIN]\n');

  it('discovers compose.yaml with its override and lints the Dockerfile it builds', async () => {
    const r = await lint(['.'], { cwd: dir, shellcheck: false, config: {} });
    expect(r.errors).toEqual([]);
    expect(r.files).toEqual(expect.arrayContaining(['compose.yaml', 'compose.override.yaml', 'api/Dockerfile.prod']));
    expect(r.findings.filter((f) => f.ruleName === 'privileged').map((f) => (f.location as TextLocation).file)).toEqual(['compose.override.yaml']);
    expect(r.findings.map((f) => (f.location as TextLocation).file)).toContain('api/Dockerfile.prod');
    expect(r.findings.map((f) => f.ruleName)).toContain('runs-as-root');
    expect(r.files).not.toContain('staging.yml');
  });

  it('lints an explicit --compose-file set', async () => {
    const r = await lint([], { cwd: dir, shellcheck: false, config: {}, composeFiles: ['compose.yaml', 'staging.yml'] });
    expect(r.findings.some((f) => f.ruleName === 'dangerous-capability' && (f.location as TextLocation).file === 'staging.yml')).toBe(true);
    expect(r.findings.some((f) => f.ruleName === 'privileged')).toBe(false);
  });

  it('lints Compose text from stdin', async () => {
    const r = await lint([], { cwd: dir, shellcheck: false, config: {}, stdin: { text: 'services:\n  a:\n    image: x:1\n    privileged: true\n', path: 'stdin.yaml', type: 'compose' } });
    expect(r.findings.filter((f) => f.ruleName === 'privileged').map((f) => (f.location as TextLocation).file)).toEqual(['stdin.yaml']);
  });

  it('--fix writes safe fixes atomically into the file where the value is written', async () => {
    writeFileSync(join(dir, 'fixme.yml'), '# keep me\nversion: "3"\nservices:\n  a:\n    image: x:1\n\n    # end\n');
    await lint(['fixme.yml'], { cwd: dir, shellcheck: false, config: {}, fix: true });
    expect(readFileSync(join(dir, 'fixme.yml'), 'utf8')).toBe('# keep me\nservices:\n  a:\n    image: x:1\n\n    # end\n');
  });

  it('--fix keeps a byte-order mark at the start of the file', async () => {
    writeFileSync(join(dir, 'bom.yml'), '\ufeffversion: "3"\nservices:\n  a:\n    image: x:1\n');
    await lint(['bom.yml'], { cwd: dir, shellcheck: false, config: {}, fix: true });
    expect(readFileSync(join(dir, 'bom.yml'), 'utf8')).toBe('\ufeffservices:\n  a:\n    image: x:1\n');
  });
});
