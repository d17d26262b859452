import type { ShipreadyConfig } from './types.js';

const concat = <T>(a: T[] | undefined, b: T[] | undefined): T[] | undefined => (a || b ? [...(a ?? []), ...(b ?? [])] : undefined);

/**
 * Two sources of settings combined the way hadolint combines its flags, file and environment:
 * a setting of one value comes from `over` when it has one; lists (ignored rules, trusted
 * registries, label schema, rule levels) are joined, `over`'s entries winning on the same key.
 */
export function combineConfigs(over: ShipreadyConfig, under: ShipreadyConfig): ShipreadyConfig {
  const out: ShipreadyConfig = { ...under, ...over };
  const ignore = concat(under.ignore, over.ignore);
  const trustedRegistries = concat(under.trustedRegistries, over.trustedRegistries);
  if (ignore) out.ignore = ignore;
  if (trustedRegistries) out.trustedRegistries = trustedRegistries;
  if (under.labelSchema || over.labelSchema) out.labelSchema = { ...under.labelSchema, ...over.labelSchema };
  if (under.rules || over.rules) out.rules = { ...under.rules, ...over.rules };
  return out;
}

/**
 * Settings given on the command line over a config's (see combineConfigs). Rule levels from the
 * command line win over every level in the config, per-path overrides included: they become a
 * last override for every file.
 */
export function withCommandLine(config: ShipreadyConfig, commandLine: ShipreadyConfig): ShipreadyConfig {
  const { rules, overrides: _ignored, ...settings } = commandLine;
  const out = combineConfigs(settings, config);
  if (rules && Object.keys(rules).length) out.overrides = [...(config.overrides ?? []), { files: ['**'], rules }];
  return out;
}
