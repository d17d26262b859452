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
};
export type Tool = keyof typeof INSTEAD;

// npm reads a boolean option as false only for `false`, `null` and a number equal to 0 (`no`, `off`
// keep strict-ssl on); Yarn Berry takes `false` or `0`.
const NPM_FALSE = (v: string): boolean => v === 'false' || v === 'null' || (v.trim() !== '' && Number(v) === 0);
const YARN_FALSE = (v: string): boolean => v === 'false' || v === '0';

/** Does npm read this value of a boolean option (strict-ssl) as false? */
export const npmFalse = NPM_FALSE;

/** Environment variables that turn verification off, and when a value does. */
const VARIABLES = new Map<string, { tool: Tool; disables: (value: string) => boolean }>([
  ['NODE_TLS_REJECT_UNAUTHORIZED', { tool: 'node', disables: (v) => v === '0' }],
  ['PYTHONHTTPSVERIFY', { tool: 'python', disables: (v) => v === '0' }],
  // git: set at all, even to an empty value (git's http.c tests getenv only).
  ['GIT_SSL_NO_VERIFY', { tool: 'git', disables: () => true }],
  ['PIP_TRUSTED_HOST', { tool: 'pip', disables: (v) => v !== '' }],
  ['NPM_CONFIG_STRICT_SSL', { tool: 'npm', disables: NPM_FALSE }],
  ['YARN_ENABLE_STRICT_SSL', { tool: 'npm', disables: YARN_FALSE }],
  ['GOINSECURE', { tool: 'go', disables: (v) => v !== '' }],
]);

/**
 * The tool whose certificate checks `NAME=value` turns off, if it does (npm reads its `npm_config_*`
 * variables in any case).
 */
export function tlsVariable(name: string, value: string): Tool | undefined {
  const spec = VARIABLES.get(name) ?? (name.length === 21 && name.toUpperCase() === 'NPM_CONFIG_STRICT_SSL' ? VARIABLES.get('NPM_CONFIG_STRICT_SSL') : undefined);
  return spec && spec.disables(value) ? spec.tool : undefined;
}

/** Is `name` one of those variables (whatever its value)? A cheap test before a value is worked out. */
export function isTlsVariable(name: string): boolean {
  return VARIABLES.has(name) || (name.length === 21 && name.toUpperCase() === 'NPM_CONFIG_STRICT_SSL');
}
