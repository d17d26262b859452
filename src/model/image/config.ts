/**
 * Normalises a Docker or OCI image config blob (both use the same field names under `config`)
 * into `ImageConfig` and `HistoryEntry[]`. Missing or null fields get defaults; a field of the
 * wrong shape is an `InputError` naming the field, because a rule must never guess at it.
 */
import { InputError } from '../../config/errors.js';
import type { HealthcheckConfig, HistoryEntry, ImageConfig } from './types.js';

export interface ParsedImageConfig {
  config: ImageConfig;
  history: HistoryEntry[];
  created?: string;
  /** `rootfs.diff_ids`, base first (empty when absent). */
  diffIds: string[];
}

type Json = Record<string, unknown>;

class Fields {
  constructor(readonly file: string | undefined) {}

  fail(field: string, want: string, got: unknown): never {
    const kind = got === null ? 'null' : Array.isArray(got) ? 'an array' : typeof got;
    throw new InputError(`image config: ${field} must be ${want}, got ${kind}`, this.file);
  }

  object(v: unknown, field: string): Json | undefined {
    if (v === undefined || v === null) return undefined;
    if (typeof v !== 'object' || Array.isArray(v)) this.fail(field, 'an object', v);
    return v as Json;
  }

  string(v: unknown, field: string): string | undefined {
    if (v === undefined || v === null) return undefined;
    if (typeof v !== 'string') this.fail(field, 'a string', v);
    return v;
  }

  strings(v: unknown, field: string): string[] | undefined {
    if (v === undefined || v === null) return undefined;
    if (!Array.isArray(v)) this.fail(field, 'an array of strings', v);
    return v.map((item, i) => (typeof item === 'string' ? item : this.fail(`${field}[${i}]`, 'a string', item)));
  }

  /** Docker's StrSlice: an array, or a single string meaning a one-element array. */
  command(v: unknown, field: string): string[] | null {
    if (typeof v === 'string') return [v];
    return this.strings(v, field) ?? null;
  }

  /** Maps like `ExposedPorts` and `Volumes` are `{ key: {} }`; only the keys matter. */
  keys(v: unknown, field: string): string[] {
    return Object.keys(this.object(v, field) ?? {}).sort();
  }

  number(v: unknown, field: string): number | undefined {
    if (v === undefined || v === null) return undefined;
    if (typeof v !== 'number' || !Number.isFinite(v)) this.fail(field, 'a number', v);
    return v;
  }

  labels(v: unknown, field: string): Record<string, string> {
    const out: Record<string, string> = {};
    for (const [k, val] of Object.entries(this.object(v, field) ?? {})) {
      out[k] = this.string(val, `${field}.${k}`) ?? '';
    }
    return out;
  }
}

function healthcheck(f: Fields, v: unknown): HealthcheckConfig | null {
  const hc = f.object(v, 'config.Healthcheck');
  if (!hc) return null;
  const test = f.command(hc.Test, 'config.Healthcheck.Test') ?? [];
  // An empty Test means "inherit from the base": in a final config that is no healthcheck at all.
  if (test.length === 0) return null;
  const out: HealthcheckConfig = { test };
  const interval = f.number(hc.Interval, 'config.Healthcheck.Interval');
  const timeout = f.number(hc.Timeout, 'config.Healthcheck.Timeout');
  const startPeriod = f.number(hc.StartPeriod, 'config.Healthcheck.StartPeriod');
  const retries = f.number(hc.Retries, 'config.Healthcheck.Retries');
  if (interval !== undefined) out.interval = interval;
  if (timeout !== undefined) out.timeout = timeout;
  if (startPeriod !== undefined) out.startPeriod = startPeriod;
  if (retries !== undefined) out.retries = retries;
  return out;
}

function runtimeConfig(f: Fields, v: unknown): ImageConfig {
  const c = f.object(v, 'config') ?? {};
  const out: ImageConfig = {
    user: f.string(c.User, 'config.User') ?? '',
    env: f.strings(c.Env, 'config.Env') ?? [],
    entrypoint: f.command(c.Entrypoint, 'config.Entrypoint'),
    cmd: f.command(c.Cmd, 'config.Cmd'),
    healthcheck: healthcheck(f, c.Healthcheck),
    exposedPorts: f.keys(c.ExposedPorts, 'config.ExposedPorts'),
    volumes: f.keys(c.Volumes, 'config.Volumes'),
    workingDir: f.string(c.WorkingDir, 'config.WorkingDir') ?? '',
    labels: f.labels(c.Labels, 'config.Labels'),
    onBuild: f.strings(c.OnBuild, 'config.OnBuild') ?? [],
  };
  const stopSignal = f.string(c.StopSignal, 'config.StopSignal');
  if (stopSignal) out.stopSignal = stopSignal;
  const shell = f.strings(c.Shell, 'config.Shell');
  if (shell && shell.length > 0) out.shell = shell;
  return out;
}

function historyEntries(f: Fields, v: unknown): HistoryEntry[] {
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v)) f.fail('history', 'an array', v);
  return v.map((item, i) => {
    const h = f.object(item, `history[${i}]`) ?? {};
    const entry: HistoryEntry = {
      createdBy: f.string(h.created_by, `history[${i}].created_by`) ?? '',
      emptyLayer: h.empty_layer === true,
    };
    if (h.empty_layer !== undefined && h.empty_layer !== null && typeof h.empty_layer !== 'boolean') {
      f.fail(`history[${i}].empty_layer`, 'a boolean', h.empty_layer);
    }
    const created = f.string(h.created, `history[${i}].created`);
    const comment = f.string(h.comment, `history[${i}].comment`);
    if (created) entry.created = created;
    if (comment) entry.comment = comment;
    return entry;
  });
}

/** Parse a config blob already decoded from JSON. `file` names the blob in error messages. */
export function parseImageConfig(json: unknown, file?: string): ParsedImageConfig {
  const f = new Fields(file);
  if (json === null || typeof json !== 'object' || Array.isArray(json)) f.fail('the top level', 'an object', json);
  const top = json as Json;
  const rootfs = f.object(top.rootfs, 'rootfs');
  const out: ParsedImageConfig = {
    config: runtimeConfig(f, top.config),
    history: historyEntries(f, top.history),
    diffIds: f.strings(rootfs?.diff_ids, 'rootfs.diff_ids') ?? [],
  };
  const created = f.string(top.created, 'created');
  if (created) out.created = created;
  return out;
}
