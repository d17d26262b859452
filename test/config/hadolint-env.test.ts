import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { registry } from '../../src/api.js';
import { ConfigError } from '../../src/config/errors.js';
import { loadConfig } from '../../src/config/load.js';

function project(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'shipready-henv-'));
  mkdirSync(join(dir, '.git'));
  for (const [p, c] of Object.entries(files)) writeFileSync(join(dir, p), c);
  return dir;
}

describe("hadolint's environment variables", () => {
  it('configure a run that has no config file, as hadolint reads them', async () => {
    const loaded = await loadConfig(project({}), registry, undefined, {
      HADOLINT_IGNORE: 'DL3007, DL3008',
      HADOLINT_FAILURE_THRESHOLD: 'error',
      HADOLINT_NOFAIL: 'yes',
      HADOLINT_OVERRIDE_INFO: 'DL3006',
      HADOLINT_TRUSTED_REGISTRIES: 'ghcr.io,docker.io',
      HADOLINT_REQUIRE_LABELS: 'maintainer:text,org.opencontainers.image.source:url',
      HADOLINT_STRICT_LABELS: 'on',
      HADOLINT_DISABLE_IGNORE_PRAGMA: '0',
      HADOLINT_FORMAT: 'tty',
    });
    expect(loaded.kind).toBe('hadolint');
    expect(loaded.path).toBeNull();
    expect(loaded.config).toEqual({
      ignore: ['DL3007', 'DL3008'],
      failureThreshold: 'error',
      noFail: true,
      rules: { DL3006: 'info' },
      trustedRegistries: ['ghcr.io', 'docker.io'],
      labelSchema: { maintainer: 'text', 'org.opencontainers.image.source': 'url' },
      strictLabels: true,
      disableIgnorePragma: false,
      format: 'text',
    });
  });

  it('join a .hadolint.yaml: its single settings win, lists are joined', async () => {
    const dir = project({ '.hadolint.yaml': 'ignored: [DL3008]\nfailure-threshold: warning\ntrustedRegistries: [quay.io]\n' });
    const loaded = await loadConfig(dir, registry, undefined, { HADOLINT_IGNORE: 'DL3007', HADOLINT_FAILURE_THRESHOLD: 'error', HADOLINT_TRUSTED_REGISTRIES: 'ghcr.io' });
    expect(loaded.kind).toBe('hadolint');
    expect(loaded.config.ignore).toEqual(['DL3007', 'DL3008']);
    expect(loaded.config.failureThreshold).toBe('warning');
    expect(loaded.config.trustedRegistries).toEqual(['ghcr.io', 'quay.io']);
  });

  it('do not count when shipready has a config of its own, nor when none is set', async () => {
    const own = await loadConfig(project({ '.shipready.yaml': 'failureThreshold: info\n' }), registry, undefined, { HADOLINT_IGNORE: 'DL3007', HADOLINT_FAILURE_THRESHOLD: 'error' });
    expect(own.config).toEqual({ failureThreshold: 'info' });
    const none = await loadConfig(project({}), registry, undefined, { PATH: '/bin' });
    expect(none.kind).toBe('default');
  });

  it('name the variable a bad value came from', async () => {
    const err = await loadConfig(project({}), registry, undefined, { HADOLINT_FAILURE_THRESHOLD: 'fatal' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ConfigError);
    expect((err as ConfigError).message).toBe('HADOLINT_FAILURE_THRESHOLD: must be one of error, warning, info, style, ignore, none');
    const label = await loadConfig(project({}), registry, undefined, { HADOLINT_REQUIRE_LABELS: 'maintainer:txt' }).catch((e: unknown) => e);
    expect((label as ConfigError).message).toMatch(/^HADOLINT_REQUIRE_LABELS\.maintainer: label type must be one of text, url/);
    // An unknown format is an error, not a silent fall back to text.
    const format = await loadConfig(project({}), registry, undefined, { HADOLINT_FORMAT: 'xml' }).catch((e: unknown) => e);
    expect((format as ConfigError).message).toMatch(/^HADOLINT_FORMAT: must be one of text, json, sarif, .*, tty, gitlab_codeclimate$/);
  });
});
