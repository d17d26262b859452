import type { Severity } from '../finding.js';
import type { RuleSettings } from '../rules/types.js';

export type RuleEntry = Severity | { severity?: Severity; options?: Record<string, unknown> };

export interface ConfigOverride {
  /** Glob patterns relative to the config file's directory (`*`, `**`, `?`). */
  files: string[];
  rules?: Record<string, RuleEntry>;
  ignore?: string[];
}

/** The `.shipready.yaml` file, as validated. */
export interface ShipreadyConfig {
  rules?: Record<string, RuleEntry>;
  ignore?: string[];
  failureThreshold?: Severity | 'none';
  trustedRegistries?: string[];
  labelSchema?: Record<string, string>;
  strictLabels?: boolean;
  disableIgnorePragma?: boolean;
  shellcheck?: boolean;
  noFail?: boolean;
  format?: string;
  overrides?: ConfigOverride[];
}

export interface LoadedConfig {
  config: ShipreadyConfig;
  /** The file it came from, or null for defaults. */
  path: string | null;
  /** `shipready` or `hadolint` (a `.hadolint.yaml` mapped through aliases). */
  kind: 'shipready' | 'hadolint' | 'default';
  /** Directory that `overrides[].files` are relative to. */
  baseDir: string;
}

export const DEFAULT_SETTINGS: RuleSettings = { trustedRegistries: [], labelSchema: {}, strictLabels: false };
