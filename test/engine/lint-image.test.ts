import { describe, expect, it } from 'vitest';
import { EffectiveConfig } from '../../src/config/resolve.js';
import type { ShipreadyConfig } from '../../src/config/types.js';
import { lintImage, type WasteThresholds } from '../../src/engine/lint-image.js';
import { RuleRegistry } from '../../src/engine/registry.js';
import type { ImageLocation } from '../../src/finding.js';
import type { ImageModel } from '../../src/model/image/types.js';
import type { ImageRule } from '../../src/rules/image-types.js';
import { imageRules } from '../../src/rules/index.js';
import { defineRule } from '../../src/rules/types.js';
import { buildModel, type TestImageSpec } from '../helpers/image-tester.js';

const rules = imageRules as ImageRule[];

function run(model: ImageModel, config: ShipreadyConfig = {}, list: readonly ImageRule[] = rules, thresholds?: WasteThresholds) {
  const eff = new EffectiveConfig({ config, path: null, kind: 'default', baseDir: '.' }, new RuleRegistry(list));
  return lintImage(model, { rules: list, config: eff.forFile(model.name), settings: eff.settings, thresholds });
}

const SPEC: TestImageSpec = {
  config: { User: 'root', Volumes: { '/var/run/docker.sock': {} } },
  layers: [
    { createdBy: '/bin/sh -c #(nop) ADD file:abc in / ', files: [{ path: '/etc/passwd', content: 'root:x:0:0::/root:/bin/sh\n' }] },
    { createdBy: '/bin/sh -c apt-get update', files: [{ path: '/usr/local/bin/tool', content: 'ELF', mode: 0o4755 }] },
  ],
};

const loc = (f: { location: unknown }) => f.location as ImageLocation;

describe('lintImage', () => {
  it('reports with image locations, formatted messages and default severities', () => {
    const model = buildModel(SPEC);
    const { findings, errors } = run(model);
    expect(errors).toEqual([]);
    const root = findings.find((f) => f.ruleId === 'IM001')!;
    expect(root).toMatchObject({ ruleName: 'root-user', aliases: ['CIS-DI-0001'], severity: 'warning', location: { image: model.name, field: 'config.User' } });
    expect(root.message).toContain('User is "root"');
    const setuid = findings.find((f) => f.ruleId === 'IM004')!;
    expect(loc(setuid)).toEqual({ image: model.name, layer: model.layers[1].id, path: '/usr/local/bin/tool' });
    expect(model.layers[1].id).toMatch(/^sha256:[0-9a-f]{12}$/);
    const update = findings.find((f) => f.ruleId === 'IM003')!;
    expect(loc(update)).toEqual({ image: model.name, layer: model.layers[1].id, field: 'history[1].created_by' });
    expect(findings.find((f) => f.ruleId === 'IM009')!.severity).toBe('error');
    // Sorted by rule id.
    const ids = findings.map((f) => f.ruleId);
    expect(ids).toEqual([...ids].sort());
  });

  it('applies configured severities, off, and ignore by code, name or Dockle alias', () => {
    const model = buildModel(SPEC);
    const ids = (config: ShipreadyConfig) => run(model, config).findings.map((f) => f.ruleId);
    expect(run(model, { rules: { 'root-user': 'error' } }).findings.find((f) => f.ruleId === 'IM001')!.severity).toBe('error');
    expect(ids({ rules: { 'CIS-DI-0001': 'off' } })).not.toContain('IM001');
    expect(ids({ ignore: ['IM004'] })).not.toContain('IM004');
    expect(ids({ ignore: ['sensitive-volume'] })).not.toContain('IM009');
    expect(ids({ ignore: ['DKL-DI-0002'] })).not.toContain('IM009');
    expect(ids({})).toEqual(expect.arrayContaining(['IM001', 'IM004', 'IM009']));
    // One alias naming two rules (CIS-DI-0010 covers secret-value and secret-name) silences both.
    const secrets: TestImageSpec = { config: { User: '1000', Env: ['DB_PASSWORD=hunter2-prod', 'API_SECRET=f8Kq2vX9mZ4pL7wR3tY6'] }, layers: [{ files: [] }] };
    expect(run(buildModel(secrets)).findings.map((f) => f.ruleId)).toEqual(expect.arrayContaining(['IM006', 'IM007']));
    expect(run(buildModel(secrets), { ignore: ['CIS-DI-0010'] }).findings.filter((f) => f.ruleId === 'IM006' || f.ruleId === 'IM007')).toEqual([]);
  });

  it('matches overrides against the image name', () => {
    const model = buildModel(SPEC);
    const config: ShipreadyConfig = { overrides: [{ files: [model.name], rules: { 'root-user': 'off' } }, { files: ['other-*'], ignore: ['IM004'] }] };
    const ids = run(model, config).findings.map((f) => f.ruleId);
    expect(ids).not.toContain('IM001');
    expect(ids).toContain('IM004');
  });

  it('turns a crashing rule into an internal error and keeps going', () => {
    const boom = defineRule<any>({
      id: 'IM999',
      name: 'boom',
      aliases: [],
      meta: { target: 'image', category: 'correctness', severity: 'error', fixable: null, status: 'stable', docs: { summary: 'x', why: 'x', bad: '{}', good: '{}' }, messages: { m: 'm' } },
      check() {
        throw new Error('kaput');
      },
    }) as ImageRule;
    const model = buildModel(SPEC);
    const r = run(model, {}, [boom, ...rules]);
    expect(r.errors).toEqual([{ file: model.name, kind: 'internal', message: 'rule IM999 (boom) crashed: kaput' }]);
    expect(r.findings.some((f) => f.ruleId === 'IM001')).toBe(true);
  });

  it('gives stable fingerprints that do not depend on layer ids', () => {
    const a = run(buildModel(SPEC)).findings;
    const b = run(buildModel(SPEC)).findings;
    expect(a.map((f) => f.fingerprint)).toEqual(b.map((f) => f.fingerprint));
    expect(new Set(a.map((f) => f.fingerprint)).size).toBe(a.length);
    // The same setuid file in another layer of a rebuilt image keeps its fingerprint.
    const moved = buildModel({ ...SPEC, layers: [{ files: [] }, ...SPEC.layers] });
    const fp = (fs: typeof a) => fs.find((f) => f.ruleId === 'IM004')!.fingerprint;
    expect(fp(run(moved).findings)).toBe(fp(a));
  });

  it('command-line thresholds override the options that declare them', () => {
    const MB = 1000 * 1000;
    const spec: TestImageSpec = {
      config: { User: '1000' },
      layers: [{ files: [{ path: '/big', size: 100 * MB }] }, { files: [{ path: '/tmp/x', size: 3 * MB }] }, { files: [{ path: '/tmp/x', type: 'whiteout' }] }],
    };
    const wasted = (t?: WasteThresholds, config: ShipreadyConfig = {}) => run(buildModel(spec), config, rules, t).findings.filter((f) => f.ruleName === 'wasted-space');
    expect(wasted()).toHaveLength(0);
    expect(wasted({ maxWastedBytes: 2 * MB })).toHaveLength(1);
    // Flags beat the config file.
    expect(wasted({ maxWastedBytes: 10 * MB }, { rules: { 'wasted-space': { severity: 'warning', options: { 'max-wasted-bytes': 1 } } } })).toHaveLength(0);
    expect(wasted(undefined, { rules: { 'wasted-space': { severity: 'warning', options: { 'max-wasted-bytes': 1 } } } })).toHaveLength(1);
  });
});
