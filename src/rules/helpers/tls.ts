/**
 * What turns TLS certificate verification off, shared by the Dockerfile, Compose and image rules:
 * the environment variables and the advice per tool.
 */
const CA = 'add the server\'s CA certificate to the image (COPY it to /usr/local/share/ca-certificates/ and run update-ca-certificates)';
export const INSTEAD = {
  curl: `drop it and ${CA}, or pass --cacert <file>`,
  wget: `drop it and ${CA}, or pass --ca-certificate=<file>`,
  pip: 'drop it and use an HTTPS index whose certificate verifies (pass --cert <CA bundle> for a private CA)',
  npm: 'keep strict-ssl on and point `cafile` at your registry\'s CA',
  git: 'keep SSL verification on and point http.sslCAInfo at your server\'s CA',
  node: 'remove it and pass your CA with NODE_EXTRA_CA_CERTS',
  python: `remove it and ${CA}`,
  go: `remove it and ${CA}`,
  rpm: `keep sslverify on and ${CA}, or set sslcacert= in the .repo file`,
  apt: `keep peer verification on and ${CA}, or set Acquire::https::CAInfo`,
  yarn: 'keep enableStrictSsl on and point httpsCaFilePath at your registry\'s CA',
};
export type Tool = keyof typeof INSTEAD;

/** The false values of git, yum/dnf and apt booleans. */
export const isOff = (v: string): boolean => /^(?:false|0|no|off)$/i.test(v);
/** apt's Acquire::https::Verify-Peer and Verify-Host, also for one host (`Acquire::https::<host>::Verify-Peer`). */
export const APT_VERIFY = /^Acquire::https?::(?:[^:=]+::)?Verify-(?:Peer|Host)$/i;

/** Does npm read this value of a boolean option (strict-ssl) as false? Only `false`, `null` and a number equal to 0 (`no` and `off` keep it on). */
export const npmFalse = (v: string): boolean => v === 'false' || v === 'null' || (v.trim() !== '' && Number(v) === 0);
/** Does Yarn Berry read this value of a boolean setting as false? It takes `false` or `0` only. */
export const yarnFalse = (v: string): boolean => v === 'false' || v === '0';

/** Environment variables that turn verification off, and when a value does. */
const VARIABLES = new Map<string, { tool: Tool; disables: (value: string) => boolean }>([
  ['NODE_TLS_REJECT_UNAUTHORIZED', { tool: 'node', disables: (v) => v === '0' }],
  ['PYTHONHTTPSVERIFY', { tool: 'python', disables: (v) => v === '0' }],
  // git: set at all, even to an empty value (git's http.c tests getenv only).
  ['GIT_SSL_NO_VERIFY', { tool: 'git', disables: () => true }],
  ['PIP_TRUSTED_HOST', { tool: 'pip', disables: (v) => v !== '' }],
  ['NPM_CONFIG_STRICT_SSL', { tool: 'npm', disables: npmFalse }],
  ['YARN_ENABLE_STRICT_SSL', { tool: 'npm', disables: yarnFalse }],
  ['GOINSECURE', { tool: 'go', disables: (v) => v !== '' }],
]);

/** The variable's entry (npm reads its `npm_config_*` variables in any case). */
function spec(name: string): { tool: Tool; disables: (value: string) => boolean } | undefined {
  return VARIABLES.get(name) ?? (name.length === 21 && name.toUpperCase() === 'NPM_CONFIG_STRICT_SSL' ? VARIABLES.get('NPM_CONFIG_STRICT_SSL') : undefined);
}

/** The tool whose certificate checks `NAME=value` turns off, if it does. */
export function tlsVariable(name: string, value: string): Tool | undefined {
  const s = spec(name);
  return s && s.disables(value) ? s.tool : undefined;
}

/** Is `name` one of those variables (whatever its value)? A cheap test before a value is worked out. */
export function isTlsVariable(name: string): boolean {
  return spec(name) !== undefined;
}
