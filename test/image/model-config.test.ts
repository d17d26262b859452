import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/config/errors.js';
import { parseImageConfig } from '../../src/model/image/config.js';

describe('parseImageConfig', () => {
  it('normalises a Docker config with every field', () => {
    const parsed = parseImageConfig({
      architecture: 'amd64',
      os: 'linux',
      created: '2026-01-02T03:04:05Z',
      config: {
        User: 'app',
        Env: ['PATH=/usr/bin', 'A=1'],
        Entrypoint: ['/entry.sh'],
        Cmd: ['serve', '--port', '80'],
        Healthcheck: { Test: ['CMD-SHELL', 'curl -f http://localhost/'], Interval: 30_000_000_000, Timeout: 5_000_000_000, StartPeriod: 0, Retries: 3 },
        ExposedPorts: { '8080/tcp': {}, '53/udp': {} },
        Volumes: { '/data': {} },
        WorkingDir: '/srv',
        Labels: { maintainer: 'me' },
        StopSignal: 'SIGTERM',
        Shell: ['/bin/bash', '-c'],
        OnBuild: ['RUN make'],
      },
      rootfs: { type: 'layers', diff_ids: ['sha256:aa', 'sha256:bb'] },
      history: [
        { created: '2026-01-01T00:00:00Z', created_by: '/bin/sh -c #(nop) ADD file:abc in / ' },
        { created_by: '/bin/sh -c #(nop)  CMD ["bash"]', empty_layer: true, comment: 'base' },
      ],
    });
    expect(parsed.config).toEqual({
      user: 'app',
      env: ['PATH=/usr/bin', 'A=1'],
      entrypoint: ['/entry.sh'],
      cmd: ['serve', '--port', '80'],
      healthcheck: { test: ['CMD-SHELL', 'curl -f http://localhost/'], interval: 30_000_000_000, timeout: 5_000_000_000, startPeriod: 0, retries: 3 },
      exposedPorts: ['53/udp', '8080/tcp'],
      volumes: ['/data'],
      workingDir: '/srv',
      labels: { maintainer: 'me' },
      stopSignal: 'SIGTERM',
      shell: ['/bin/bash', '-c'],
      onBuild: ['RUN make'],
    });
    expect(parsed.created).toBe('2026-01-02T03:04:05Z');
    expect(parsed.diffIds).toEqual(['sha256:aa', 'sha256:bb']);
    expect(parsed.history).toEqual([
      { createdBy: '/bin/sh -c #(nop) ADD file:abc in / ', created: '2026-01-01T00:00:00Z', emptyLayer: false },
      { createdBy: '/bin/sh -c #(nop)  CMD ["bash"]', emptyLayer: true, comment: 'base' },
    ]);
  });

  it('tolerates a minimal OCI config with nulls and missing fields', () => {
    const parsed = parseImageConfig({ architecture: 'arm64', os: 'linux', config: { Env: null, Cmd: null, Labels: null, ExposedPorts: null }, rootfs: { type: 'layers', diff_ids: [] } });
    expect(parsed.config).toEqual({
      user: '', env: [], entrypoint: null, cmd: null, healthcheck: null, exposedPorts: [], volumes: [], workingDir: '', labels: {}, onBuild: [],
    });
    expect(parsed.history).toEqual([]);
    expect(parseImageConfig({}).config.user).toBe('');
  });

  it('keeps Healthcheck NONE, drops an empty Test, and accepts a string Cmd', () => {
    expect(parseImageConfig({ config: { Healthcheck: { Test: ['NONE'] } } }).config.healthcheck).toEqual({ test: ['NONE'] });
    expect(parseImageConfig({ config: { Healthcheck: { Test: [] } } }).config.healthcheck).toBeNull();
    expect(parseImageConfig({ config: { Healthcheck: {} } }).config.healthcheck).toBeNull();
    expect(parseImageConfig({ config: { Cmd: 'echo hi' } }).config.cmd).toEqual(['echo hi']);
  });

  it.each([
    [[], 'image config: the top level must be an object, got an array'],
    ['text', 'image config: the top level must be an object, got string'],
    [{ config: [] }, 'image config: config must be an object, got an array'],
    [{ config: { Env: 'A=1' } }, 'image config: config.Env must be an array of strings, got string'],
    [{ config: { Env: ['A=1', 2] } }, 'image config: config.Env[1] must be a string, got number'],
    [{ config: { User: 0 } }, 'image config: config.User must be a string, got number'],
    [{ config: { Healthcheck: { Test: ['CMD', 'x'], Interval: '30s' } } }, 'image config: config.Healthcheck.Interval must be a number, got string'],
    [{ config: { Labels: { a: {} } } }, 'image config: config.Labels.a must be a string, got object'],
    [{ history: {} }, 'image config: history must be an array, got object'],
    [{ history: [{ empty_layer: 'yes' }] }, 'image config: history[0].empty_layer must be a boolean, got string'],
    [{ rootfs: { diff_ids: 'sha256:aa' } }, 'image config: rootfs.diff_ids must be an array of strings, got string'],
  ])('rejects a bad shape with a one-line InputError naming the field (%j)', (json, message) => {
    let error: unknown;
    try {
      parseImageConfig(json, 'app.tar (config sha256:cc)');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).oneLine).toBe(`app.tar (config sha256:cc): ${message}`);
  });
});
