import { parseDocument } from 'yaml';
import { describe, expect, it } from 'vitest';
import { EffectiveConfig } from '../../src/config/resolve.js';
import { lintComposeAndFix, withheldNotice } from '../../src/engine/lint-compose.js';
import { RuleRegistry } from '../../src/engine/registry.js';
import type { TextLocation } from '../../src/finding.js';
import type { ComposeRule, ComposeRuleContext } from '../../src/rules/compose-types.js';
import capDrop from '../../src/rules/compose/cap-drop-all-missing.js';
import dbPort from '../../src/rules/compose/database-port-published.js';
import logging from '../../src/rules/compose/logging-rotation-missing.js';
import noNewPrivileges from '../../src/rules/compose/no-new-privileges-missing.js';
import restart from '../../src/rules/compose/restart-policy-missing.js';
import { defineRule } from '../../src/rules/types.js';
import { ROOT, findingsOf, fixCompose, type ComposeCase } from '../helpers/compose-tester.js';

const svc = (body: string) => `services:\n  a:\n    image: x:1\n${body}`;

describe('fixes write valid YAML', () => {
  // A flow collection may end with a comma (`[a, ]`): the new item then needs no separator of its own.
  const fixed: Array<{ name: string; rule: ComposeRule; code: string; output: string }> = [
    { name: 'cap_drop ending with a comma', rule: capDrop as ComposeRule, code: svc('    cap_drop: [NET_RAW, ]\n'), output: svc('    cap_drop: [NET_RAW, ALL ]\n') },
    { name: 'multi-line cap_drop ending with a comma', rule: capDrop as ComposeRule, code: svc('    cap_drop: [\n      NET_RAW,\n    ]\n'), output: svc('    cap_drop: [\n      NET_RAW, ALL\n    ]\n') },
    { name: 'a comment with a comma after the last item', rule: capDrop as ComposeRule, code: svc('    cap_drop: [\n      NET_RAW # keep, for now\n    ]\n'), output: svc('    cap_drop: [\n      NET_RAW, ALL # keep, for now\n    ]\n') },
    { name: 'empty multi-line flow list', rule: capDrop as ComposeRule, code: svc('    cap_drop: [\n    ]\n'), output: svc('    cap_drop: [ALL\n    ]\n') },
    { name: 'empty flow list', rule: noNewPrivileges as ComposeRule, code: svc('    security_opt: []\n'), output: svc('    security_opt: [no-new-privileges:true]\n') },
    { name: 'security_opt ending with a comma', rule: noNewPrivileges as ComposeRule, code: svc('    security_opt: [label:disable, ]\n'), output: svc('    security_opt: [label:disable, no-new-privileges:true ]\n') },
    { name: 'flow map ending with a comma', rule: logging as ComposeRule, code: svc('    logging: {driver: json-file, options: {max-file: "3", }}\n'), output: svc('    logging: {driver: json-file, options: {max-file: "3", max-size: 10m }}\n') },
    { name: 'flow map without a trailing comma', rule: logging as ComposeRule, code: svc('    logging: {driver: json-file, options: {max-file: "3"}}\n'), output: svc('    logging: {driver: json-file, options: {max-file: "3", max-size: 10m}}\n') },
  ];
  for (const c of fixed) {
    it(c.name, () => {
      const out = fixCompose(c.rule, { code: c.code }).get(`${ROOT}/compose.yaml`)!;
      expect(out).toBe(c.output);
      expect(parseDocument(out).errors).toEqual([]);
    });
  }

  // No fix where it could not be placed safely: a key the service's map already has, or an alias written last.
  const unfixed: Array<{ name: string; rule: ComposeRule; c: ComposeCase }> = [
    { name: '!reset in an override, the key in the base', rule: restart as ComposeRule, c: { files: { 'compose.yaml': svc('    restart: always\n'), 'compose.override.yaml': 'services:\n  a:\n    restart: !reset null\n' }, main: ['compose.yaml', 'compose.override.yaml'] } },
    { name: '!reset in an override, no key in the base', rule: restart as ComposeRule, c: { files: { 'compose.yaml': svc(''), 'compose.override.yaml': 'services:\n  a:\n    restart: !reset null\n' }, main: ['compose.yaml', 'compose.override.yaml'] } },
    { name: 'an alias written last in a flow list', rule: capDrop as ComposeRule, c: { code: `x-d: &d NET_RAW\n${svc('    cap_drop: [MKNOD, *d]\n')}` } },
    // `|+` keeps the blank lines after its text: a key or item written after the text would take them.
    { name: 'a service ending with a |+ block scalar', rule: restart as ComposeRule, c: { code: svc('    command: |+\n      echo hi\n\n\n') } },
    { name: 'a list ending with a >+ block scalar', rule: noNewPrivileges as ComposeRule, c: { code: svc('    security_opt:\n      - >+\n        label:disable\n\n  b:\n    image: x:1\n    security_opt: [no-new-privileges]\n') } },
  ];
  for (const u of unfixed) {
    it(`no fix: ${u.name}`, () => {
      const found = findingsOf(u.rule, u.c);
      expect(found.map((f) => [f.ruleId, !!f.fix])).toEqual([[u.rule.id, false]]);
    });
  }
});

// A list the service does not write itself (merged in from a shared anchor, or from an `extends`
// base in another file) is used by other services too: appending to it would change them as well.
describe('no fix edits a list other services share', () => {
  const base = 'x-base: &base\n  image: x:1\n  cap_drop: [NET_RAW]\n  security_opt: [label:disable]\n';
  const merged = `${base}services:\n  a:\n    <<: *base\n  b:\n    <<: *base\n    privileged: true\n`;
  const extended = {
    files: {
      'compose.yaml': 'services:\n  a:\n    extends: {file: base.yaml, service: x}\n',
      'base.yaml': 'services:\n  x:\n    image: x:1\n    cap_drop: [NET_RAW]\n    security_opt: [label:disable]\n',
    },
  };
  it('database-port-published: a port in an anchored list another service aliases', () => {
    // Rebinding the port where the anchor is written would change the other service's too.
    const code = 'services:\n  db:\n    image: postgres:16\n    ports: &p\n      - 5432:5432\n  db2:\n    image: x:1\n    ports: *p\n';
    const found = findingsOf(dbPort as ComposeRule, { code });
    expect(found.length).toBeGreaterThan(0);
    expect(found.filter((f) => f.fix)).toEqual([]);
  });
  for (const rule of [capDrop, noNewPrivileges] as ComposeRule[]) {
    it(`${rule.name}: a list from a merge key`, () => {
      const found = findingsOf(rule, { code: merged });
      expect(found.map((f) => f.message.slice(0, 11))).toContain('Service "a"');
      expect(found.filter((f) => f.fix)).toEqual([]);
      expect(fixCompose(rule, { code: merged }).get(`${ROOT}/compose.yaml`)).toBe(merged);
    });
    it(`${rule.name}: a list from an extends base`, () => {
      expect(findingsOf(rule, extended).map((f) => !!f.fix)).toEqual([false]);
      expect(fixCompose(rule, extended).get(`${ROOT}/base.yaml`)).toBe(extended.files['base.yaml']);
    });
  }
});

describe('--fix with a fix that breaks the file', () => {
  // A rule whose first fix breaks the YAML and whose second is fine.
  const breaking = defineRule<ComposeRuleContext>({
    id: 'DC999',
    name: 'test-breaking-fix',
    aliases: [],
    meta: { target: 'compose', category: 'reliability', severity: 'warning', fixable: 'safe', status: 'stable', docs: { summary: 's', why: 'w', bad: '', good: '' }, messages: { m: 'm' } },
    check(ctx) {
      const svc = ctx.services[0];
      const at = svc.keyOrigin;
      ctx.report({ messageId: 'm', at, fix: { title: 'break', edits: [{ start: at.end, end: at.end, text: ': [' }] } });
      const img = svc.node.entries.get('image')!.value;
      if (img.kind === 'scalar' && img.value === 'x:1') ctx.report({ messageId: 'm', at: img.origin, fix: { title: 'pin', edits: [{ start: img.origin.end, end: img.origin.end, text: '.2' }] } });
    },
  }) as ComposeRule;
  const registry = new RuleRegistry([breaking]);
  const eff = new EffectiveConfig({ config: {}, path: null, kind: 'default', baseDir: ROOT }, registry);
  const text = svc('');
  const run = () => lintComposeAndFix({ inputs: [{ abs: `${ROOT}/compose.yaml`, display: 'compose.yaml' }], cwd: ROOT, env: {}, readFile: (a) => (a === `${ROOT}/compose.yaml` ? text : undefined), rules: [breaking], config: eff.forFile('compose.yaml'), settings: eff.settings, write: false });

  it('applies the other fixes, withholds the breaking one and says so', () => {
    const r = run();
    expect(r.texts.get(`${ROOT}/compose.yaml`)).toBe(svc('').replace('x:1', 'x:1.2'));
    expect(r.fixed).toBe(1);
    // The finding stays, without a fix, so the summary does not count it as fixable.
    expect(r.findings.map((f) => [(f.location as TextLocation).line, (f.location as TextLocation).column, !!f.fix])).toEqual([[2, 3, false]]);
    expect(r.withheld.map(withheldNotice)).toEqual(['compose.yaml:2:3: the fix of DC999 (test-breaking-fix) is withheld: applied, it would make the YAML invalid']);
  });
});
