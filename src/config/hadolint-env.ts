import { table } from '../table.js';

// hadolint's environment variables (hadolint's CI actions set them), as the `.hadolint.yaml` keys
// they stand for. Lists are comma-separated; flags are true for 1, y, yes, on or true.
const LISTS = table<string>({ HADOLINT_IGNORE: 'ignored', HADOLINT_TRUSTED_REGISTRIES: 'trustedRegistries' });
const FLAGS = table<string>({ HADOLINT_NOFAIL: 'no-fail', HADOLINT_STRICT_LABELS: 'strict-labels', HADOLINT_DISABLE_IGNORE_PRAGMA: 'disable-ignore-pragma' });
const SCALARS = table<string>({ HADOLINT_FAILURE_THRESHOLD: 'failure-threshold', HADOLINT_FORMAT: 'format' });
const OVERRIDES = table<string>({ HADOLINT_OVERRIDE_ERROR: 'error', HADOLINT_OVERRIDE_WARNING: 'warning', HADOLINT_OVERRIDE_INFO: 'info', HADOLINT_OVERRIDE_STYLE: 'style' });

const list = (v: string): string[] => v.split(',').map((s) => s.trim()).filter(Boolean);
const truthy = (v: string): boolean => /^(?:1|y|yes|on|true)$/i.test(v.trim());

/**
 * The settings hadolint's environment variables make, as a `.hadolint.yaml` would hold them, and
 * which variable made each key (for messages); undefined when none is set.
 */
export function hadolintEnvConfig(env: Record<string, string | undefined>): { raw: Record<string, unknown>; source: Record<string, string> } | undefined {
  const raw: Record<string, unknown> = {};
  const source: Record<string, string> = {};
  const set = (name: string, key: string, value: unknown) => { raw[key] = value; source[key] = name; };
  for (const [name, key] of Object.entries(LISTS)) if (env[name]) set(name, key, list(env[name]!));
  for (const [name, key] of Object.entries(FLAGS)) if (env[name]) set(name, key, truthy(env[name]!));
  for (const [name, key] of Object.entries(SCALARS)) if (env[name]) set(name, key, env[name]!.trim());
  const override: Record<string, string[]> = {};
  for (const [name, level] of Object.entries(OVERRIDES)) if (env[name]) override[level] = list(env[name]!);
  if (Object.keys(override).length) raw.override = override;
  if (env.HADOLINT_REQUIRE_LABELS) {
    const schema: Record<string, string> = {};
    for (const entry of list(env.HADOLINT_REQUIRE_LABELS)) {
      const colon = entry.lastIndexOf(':');
      schema[colon > 0 ? entry.slice(0, colon) : entry] = colon > 0 ? entry.slice(colon + 1) : '';
    }
    set('HADOLINT_REQUIRE_LABELS', 'label-schema', schema);
  }
  return Object.keys(raw).length ? { raw, source } : undefined;
}
