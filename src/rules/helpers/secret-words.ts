/**
 * Last words that make a variable describe or configure a secret rather than hold it: the file or
 * URL it lives at (DB_PASSWORD_FILE, TOKEN_URL), a limit or flag about it (SECRET_KEY_LENGTH,
 * PASSWORD_REQUIRED), or a setting (SESSION_TOKEN_REFRESH, PASSWORD_MAX_AGE, SECRETS_BACKEND).
 * Lower case; shared by the Dockerfile (DF063) and Compose (DC011) secret-name checks.
 */
export const DESCRIBES_SECRET = new Set([
  'file', 'path', 'dir', 'url', 'uri', 'host', 'port', 'domain', 'endpoint', 'location', 'source', 'provider',
  'name', 'user', 'username', 'id', 'type', 'format', 'prefix', 'header', 'audience', 'scope', 'realm', 'issuer',
  'length', 'len', 'size', 'min', 'max', 'count', 'limit', 'retries', 'iterations',
  'enabled', 'enable', 'required', 'policy', 'mode', 'method', 'algorithm', 'algo', 'strategy', 'backend', 'store', 'version',
  'command', 'cmd', 'ttl', 'timeout', 'expiry', 'expires', 'expiration', 'lifetime', 'duration', 'period', 'age',
  'interval', 'delay', 'schedule', 'frequency', 'refresh', 'rotation', 'renewal', 'validity',
]);
