/**
 * Where Compose converts a string to the type the schema wants before validating: a value written
 * as `${VAR}` (or quoted, `"true"`) in these places is checked as what it converts to. The table is
 * compose-go's list of interpolation casts (loader/interpolate.go), a fact about the format.
 */
export type CastType = 'boolean' | 'integer' | 'number';

const SERVICE: Array<[string, CastType]> = [
  ['configs.mode', 'integer'], ['cpu_count', 'integer'], ['cpu_percent', 'number'], ['cpu_period', 'integer'],
  ['cpu_quota', 'integer'], ['cpu_rt_period', 'integer'], ['cpu_rt_runtime', 'integer'], ['cpus', 'number'],
  ['cpu_shares', 'integer'], ['init', 'boolean'], ['deploy.replicas', 'integer'], ['deploy.update_config.parallelism', 'integer'],
  ['deploy.update_config.max_failure_ratio', 'number'], ['deploy.rollback_config.parallelism', 'integer'],
  ['deploy.rollback_config.max_failure_ratio', 'number'], ['deploy.restart_policy.max_attempts', 'integer'],
  ['deploy.placement.max_replicas_per_node', 'integer'], ['healthcheck.retries', 'integer'], ['healthcheck.disable', 'boolean'],
  ['oom_kill_disable', 'boolean'], ['oom_score_adj', 'integer'], ['pids_limit', 'integer'], ['ports.target', 'integer'],
  ['privileged', 'boolean'], ['read_only', 'boolean'], ['scale', 'integer'], ['secrets.mode', 'integer'], ['stdin_open', 'boolean'],
  ['tty', 'boolean'], ['ulimits.*', 'integer'], ['ulimits.*.hard', 'integer'], ['ulimits.*.soft', 'integer'],
  ['volumes.read_only', 'boolean'], ['volumes.volume.nocopy', 'boolean'], ['depends_on.*.required', 'boolean'],
  ['depends_on.*.restart', 'boolean'],
];
const TOP: Array<[string, CastType]> = [
  ['networks.*.external', 'boolean'], ['networks.*.internal', 'boolean'], ['networks.*.attachable', 'boolean'],
  ['networks.*.enable_ipv6', 'boolean'], ['volumes.*.external', 'boolean'], ['secrets.*.external', 'boolean'], ['configs.*.external', 'boolean'],
];
// Paths as the validator sees them: list items share their list's path (`ports.target`).
const PATTERNS: Array<{ parts: string[]; type: CastType }> = [
  ...SERVICE.map(([p, type]) => ({ parts: ['services', '*', ...p.split('.')], type })),
  ...TOP.map(([p, type]) => ({ parts: p.split('.'), type })),
];

/** The type Compose converts a string at `path` to, if it does. */
export function castAt(path: readonly string[]): CastType | undefined {
  for (const { parts, type } of PATTERNS) {
    if (parts.length === path.length && parts.every((p, i) => p === '*' || p === path[i])) return type;
  }
  return undefined;
}

const BOOLEAN = /^(?:true|false|y|yes|on|n|no|off)$/i;
const INTEGER = /^[+-]?\d+$/;
const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/** Does the string convert to the type (as compose-go's strconv casts read it)? */
export function converts(value: string, type: CastType): boolean {
  return type === 'boolean' ? BOOLEAN.test(value) : type === 'integer' ? INTEGER.test(value) : NUMBER.test(value);
}
