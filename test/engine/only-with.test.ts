// `onlyWith` lets the engine skip a rule on files without the instructions it looks at. The skip
// must never hide a finding: called directly (no engine, so no skipping), a rule with `onlyWith`
// reports nothing on files that lack all of its keywords. Checked on every rule's documentation
// examples, the fixture files and, when present, the shared corpus.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintDockerfile } from '../../src/engine/lint-dockerfile.js';
import { EffectiveConfig } from '../../src/config/resolve.js';
import { RuleRegistry } from '../../src/engine/registry.js';
import { parseDockerfile } from '../../src/model/dockerfile/parse.js';
import { dockerfileRules } from '../../src/rules/index.js';
import type { DockerfileContext, DockerfileRule, RuleSettings } from '../../src/rules/types.js';

const rules = dockerfileRules as DockerfileRule[];
const gated = rules.filter((r) => r.onlyWith?.length);
const settings: RuleSettings = { trustedRegistries: ['docker.io'], labelSchema: { maintainer: 'text', version: 'semver', 'org.opencontainers.image.source': 'url' }, strictLabels: true };

const FIXTURES = resolve(import.meta.dirname, '../fixtures/dockerfiles');
const CORPUS = resolve(import.meta.dirname, '../../../shared/corpus/dockerfiles');
if (!existsSync(CORPUS)) console.warn(`NOTICE: ${CORPUS} is absent: the onlyWith check runs on examples and fixtures only`);

function texts(): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  for (const r of rules) out.push([`${r.name} bad`, r.meta.docs.bad], [`${r.name} good`, r.meta.docs.good]);
  for (const f of readdirSync(FIXTURES)) out.push([f, readFileSync(join(FIXTURES, f), 'utf8')]);
  if (existsSync(CORPUS)) for (const f of readdirSync(CORPUS).filter((n) => !n.startsWith('.'))) out.push([f, readFileSync(join(CORPUS, f), 'utf8')]);
  return out;
}

describe('onlyWith', () => {
  it('is set on some rules, with known instruction keywords', () => {
    expect(gated.length).toBeGreaterThan(10);
    for (const r of gated) for (const k of r.onlyWith!) expect(k, r.name).toMatch(/^[A-Z]+$/);
  });

  it('never hides a finding: a rule called directly reports nothing on files without its keywords', () => {
    const hidden: string[] = [];
    for (const [name, text] of texts()) {
      const df = parseDockerfile(name, text);
      const present = new Set<string>();
      for (const i of df.instructions) {
        present.add(i.keyword);
        if (i.trigger) present.add(i.trigger.keyword);
      }
      for (const rule of gated) {
        if (rule.onlyWith!.some((k) => present.has(k))) continue;
        const ctx: DockerfileContext = { df, source: df.source, options: {}, settings, report: () => hidden.push(`${rule.name} on ${name}`) };
        rule.check(ctx);
      }
    }
    expect(hidden).toEqual([]);
  });

  it('the engine skips a rule on a file without its keywords and runs it on a file with one', () => {
    const calls: string[] = [];
    const probe: DockerfileRule = {
      ...rules[0],
      id: 'DF999',
      name: 'probe',
      aliases: [],
      onlyWith: ['EXPOSE'],
      check: ({ df }) => void calls.push(df.source.path),
    };
    const eff = new EffectiveConfig({ config: {}, path: null, kind: 'default', baseDir: '.' }, new RuleRegistry([probe]));
    const opts = (path: string) => ({ displayPath: path, rules: [probe], config: eff.forFile(path), settings: eff.settings });
    lintDockerfile('FROM alpine:3.20\nRUN true\n', opts('without'));
    lintDockerfile('FROM alpine:3.20\nEXPOSE 80\n', opts('with'));
    lintDockerfile('FROM alpine:3.20\nONBUILD EXPOSE 80\n', opts('trigger'));
    expect(calls).toEqual(['with', 'trigger']);
  });

  it('the engine does not run a rule the config ignores (by id, name or alias), and still runs the others', () => {
    const calls: string[] = [];
    const probe = (id: string, name: string, aliases: string[]): DockerfileRule => ({
      ...rules[0],
      id,
      name,
      aliases,
      onlyWith: undefined,
      check: ({ report, df }) => {
        calls.push(name);
        report({ messageId: Object.keys(rules[0].meta.messages)[0], span: { start: 0, end: 4 }, aliases: ['SC9999'] });
        void df;
      },
    });
    const all = [probe('DF997', 'by-id', []), probe('DF998', 'by-name', []), probe('DF999', 'by-alias', ['XX1']), probe('DF996', 'kept', [])];
    const eff = new EffectiveConfig({ config: { ignore: ['DF997', 'by-name', 'XX1'] }, path: null, kind: 'shipready', baseDir: '.' }, new RuleRegistry(all));
    const r = lintDockerfile('FROM alpine:3.20\n', { displayPath: 'Dockerfile', rules: all, config: eff.forFile('Dockerfile'), settings: eff.settings });
    expect(calls).toEqual(['kept']);
    expect(r.findings.map((f) => f.ruleName)).toEqual(['kept']);
  });
});
