/**
 * Which file contents the reader keeps. Everything else is metadata only, so memory stays flat as
 * images grow. Rules and the SBOM read captured contents through `ImageModel.contents`.
 */
import { table } from '../../table.js';

/** Per-file caps. Package databases can be large; everything else is small by nature. */
export const MAX_SMALL_FILE = 64 * 1024;
export const MAX_PACKAGE_DB = 32 * 1024 * 1024;
/**
 * Certificate and key files are kept up to this size, so that a bundle of certificates (conda's
 * cacert.pem is about 230 KiB) can be told from a private key; other candidates stay small.
 */
export const MAX_PEM_FILE = 1024 * 1024;
const PEM_EXTENSIONS = ['.pem', '.crt', '.key'];
/** Total bytes the reader may hold across all layers (keeps peak memory well under 256 MB); past it, secret candidates are dropped first. */
export const MAX_TOTAL_CAPTURE = 64 * 1024 * 1024;

export type CaptureReason = 'accounts' | 'os' | 'packages' | 'language-packages' | 'entrypoint' | 'secret-candidate';

const EXACT = table<CaptureReason>({
  '/etc/passwd': 'accounts',
  '/etc/group': 'accounts',
  '/etc/shadow': 'accounts',
  '/etc/gshadow': 'accounts',
  '/etc/master.passwd': 'accounts',
  '/etc/os-release': 'os',
  '/usr/lib/os-release': 'os',
  '/etc/alpine-release': 'os',
  '/etc/debian_version': 'os',
  '/etc/redhat-release': 'os',
  '/var/lib/dpkg/status': 'packages',
  '/lib/apk/db/installed': 'packages',
  '/usr/lib/apk/db/installed': 'packages',
});

/**
 * Account file names: /etc/passwd may be a symlink into another tree (Debian's base-passwd copy,
 * a Nix store path), and only its target's content can be read through it, so every small,
 * non-executable file of these names is kept.
 */
const ACCOUNT_NAMES = new Set(['passwd', 'group', 'shadow', 'gshadow', 'master.passwd']);

// Trees whose files come from packages or the runtime: never secret candidates.
const SYSTEM_PREFIXES = [
  '/usr/', '/lib/', '/lib32/', '/lib64/', '/libx32/', '/bin/', '/sbin/', '/boot/', '/proc/', '/sys/', '/dev/',
  '/var/lib/', '/var/cache/', '/var/log/', '/etc/ssl/', '/etc/pki/', '/etc/ca-certificates/', '/etc/alternatives/',
];
const VENDOR_SEGMENTS = ['/node_modules/', '/site-packages/', '/dist-packages/', '/.git/', '/vendor/', '/__pycache__/'];

/** Names and extensions that often hold credentials (Dockle's list and common key files). */
const SECRET_NAMES = new Set([
  'credentials', 'credentials.json', 'credential', 'credential.json', 'password.txt', 'passwords.txt',
  'id_rsa', 'id_dsa', 'id_ecdsa', 'id_ed25519', 'secret_token.rb', 'carrierwave.rb', 'omniauth.rb',
  'settings.py', 'database.yml', 'credentials.xml', '.env', '.npmrc', '.pypirc', '.netrc', '.git-credentials',
  '.dockercfg', 'config.json', '.htpasswd', 'secrets.yml', 'secrets.yaml', 'secrets.json', 'terraform.tfvars',
]);
const SECRET_EXTENSIONS = ['.secret', '.ovpn', '.private_key', '.cscfg', '.rdp', '.pem', '.key', '.p12', '.pfx', '.jks', '.keystore', '.env', '.tfvars'];

/** Text-like sources worth a content scan for keys and tokens (small files outside system trees). */
const SCAN_EXTENSIONS = new Set([
  '', '.sh', '.bash', '.env', '.ini', '.cfg', '.conf', '.config', '.json', '.yml', '.yaml', '.toml', '.xml',
  '.properties', '.txt', '.js', '.mjs', '.cjs', '.ts', '.py', '.rb', '.php', '.go', '.java', '.cs', '.pem', '.key',
]);

export interface CapturePolicy {
  /** Why to keep this regular file's content, or undefined to skip it. */
  reason(path: string, size: number, mode: number): CaptureReason | undefined;
  /** Per-file cap for a reason. */
  maxBytes(reason: CaptureReason): number;
}

export interface CaptureOptions {
  /** Absolute paths the config's ENTRYPOINT/CMD name (when the config is known before the layers). */
  entrypointPaths?: readonly string[];
}

export function capturePolicy(opts: CaptureOptions = {}): CapturePolicy {
  const entry = new Set(opts.entrypointPaths ?? []);
  return {
    // Secret candidates over MAX_SMALL_FILE are only ever certificate and key files (see reason).
    maxBytes: (r) => (r === 'packages' ? MAX_PACKAGE_DB : r === 'secret-candidate' ? MAX_PEM_FILE : MAX_SMALL_FILE),
    reason(path, size, mode) {
      const exact = EXACT[path];
      if (exact) return exact;
      if (path.startsWith('/var/lib/dpkg/status.d/')) return 'packages'; // distroless
      if (entry.has(path)) return 'entrypoint';
      const base = path.slice(path.lastIndexOf('/') + 1);
      if (size > (isPemName(base) ? MAX_PEM_FILE : MAX_SMALL_FILE)) return undefined;
      if (ACCOUNT_NAMES.has(base) && (mode & 0o111) === 0) return 'accounts';
      if (path.includes('/node_modules/') && base === 'package.json') {
        // Only a package's own manifest: <...>/node_modules/<name>/package.json or @scope/<name>/package.json.
        const rest = path.slice(path.lastIndexOf('/node_modules/') + 14).split('/');
        if (rest.length === 2 || (rest.length === 3 && rest[0].startsWith('@'))) return 'language-packages';
        return undefined;
      }
      if ((base === 'METADATA' && path.includes('.dist-info/')) || (base === 'PKG-INFO' && path.includes('.egg-info/'))) return 'language-packages';
      const system = SYSTEM_PREFIXES.some((p) => path.startsWith(p)) && !path.startsWith('/usr/local/');
      // Executable scripts outside the package trees: entrypoint candidates when the config came late.
      if ((mode & 0o111) !== 0 && !system && size > 0 && size <= MAX_SMALL_FILE) return 'entrypoint';
      if (system) return undefined;
      if (VENDOR_SEGMENTS.some((s) => path.includes(s))) return undefined;
      const lower = base.toLowerCase();
      if (SECRET_NAMES.has(lower) || SECRET_EXTENSIONS.some((e) => lower.endsWith(e))) return 'secret-candidate';
      const dot = lower.lastIndexOf('.');
      const ext = dot > 0 ? lower.slice(dot) : '';
      if (SCAN_EXTENSIONS.has(ext) && size > 0) return 'secret-candidate';
      return undefined;
    },
  };
}

function isPemName(base: string): boolean {
  const lower = base.toLowerCase();
  return PEM_EXTENSIONS.some((e) => lower.endsWith(e));
}
