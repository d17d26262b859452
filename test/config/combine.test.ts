import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lint } from '../../src/api.js';
import { combineConfigs, withCommandLine } from '../../src/config/combine.js';

describe('combining config sources', () => {
  it('takes single values from the winning source and joins lists, the winner last', () => {
    const under = { ignore: ['DL3008'], trustedRegistries: ['ghcr.io'], labelSchema: { a: 'url', b: 'text' }, rules: { DL3007: 'info' as const }, failureThreshold: 'error' as const, strictLabels: true };
    const over = { ignore: ['DL3009'], trustedRegistries: ['quay.io'], labelSchema: { b: 'semver' }, rules: { DL3007: 'error' as const }, failureThreshold: 'style' as const };
    expect(combineConfigs(over, under)).toEqual({
      ignore: ['DL3008', 'DL3009'],
      trustedRegistries: ['ghcr.io', 'quay.io'],
      labelSchema: { a: 'url', b: 'semver' },
      rules: { DL3007: 'error' },
      failureThreshold: 'style',
      strictLabels: true,
    });
    expect(combineConfigs({}, {})).toEqual({});
  });

  it('puts command-line rule levels after every per-path override', () => {
    const config = { rules: { DL3007: 'info' as const }, overrides: [{ files: ['a/**'], rules: { DL3007: 'style' as const } }] };
    expect(withCommandLine(config, { rules: { DL3007: 'error' }, noFail: true })).toEqual({
      rules: { DL3007: 'info' },
      noFail: true,
      overrides: [{ files: ['a/**'], rules: { DL3007: 'style' } }, { files: ['**'], rules: { DL3007: 'error' } }],
    });
    expect(withCommandLine(config, {})).toEqual(config);
  });

  it("lint(): `commandLine` wins over the config file and is validated like one", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'shipready-cl-'));
    writeFileSync(join(dir, 'Dockerfile'), 'FROM alpine:latest\n');
    writeFileSync(join(dir, '.shipready.yaml'), 'overrides:\n  - files: [Dockerfile]\n    rules: { latest-tag: off }\n');
    const levels = async (commandLine?: object) => (await lint(['.'], { cwd: dir, shellcheck: false, context: false, commandLine })).findings.filter((f) => f.ruleName === 'latest-tag').map((f) => f.severity);
    expect(await levels()).toEqual([]);
    expect(await levels({ rules: { DL3007: 'error' } })).toEqual(['error']);
    await expect(levels({ rules: { DL3999: 'error' } })).rejects.toThrow(/^rules\.DL3999: unknown rule/);
  });
});
