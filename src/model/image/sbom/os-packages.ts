/**
 * OS packages: dpkg's status database (only packages whose Status is `install ok installed`),
 * distroless' one-file-per-package `status.d/`, and apk's installed database.
 */
import { purl } from './purl.js';
import { parseStanzas } from './stanzas.js';
import type { Distro, SbomPackage } from './types.js';

export const DPKG_STATUS = '/var/lib/dpkg/status';
export const DPKG_STATUS_DIR = '/var/lib/dpkg/status.d/';
export const APK_DATABASES = ['/lib/apk/db/installed', '/usr/lib/apk/db/installed'];

function distroQualifier(distro: Distro | undefined): string | undefined {
  if (!distro) return undefined;
  return distro.versionId ? `${distro.id}-${distro.versionId}` : distro.id;
}

/**
 * Packages of one dpkg control file. In `status`, a stanza counts only when installed; distroless'
 * status.d files carry no Status field, since whatever is listed there is installed.
 */
export function parseDpkg(text: string, path: string, distro: Distro | undefined, requireStatus: boolean): SbomPackage[] {
  const out: SbomPackage[] = [];
  for (const s of parseStanzas(text)) {
    const name = s.get('package');
    const version = s.get('version');
    if (!name || !version) continue;
    const status = s.get('status');
    if (status !== undefined ? status.split(/\s+/).join(' ') !== 'install ok installed' : requireStatus) continue;
    const arch = s.get('architecture');
    out.push({
      ecosystem: 'deb',
      name,
      version,
      purl: purl('deb', distro?.id ?? 'debian', name, version, { arch, distro: distroQualifier(distro) }),
      licenses: [],
      path,
      ...(arch ? { arch } : {}),
    });
  }
  return out;
}

/** apk's `installed`: stanzas of one-letter keys (P name, V version, A arch, L license). */
export function parseApk(text: string, path: string, distro: Distro | undefined): SbomPackage[] {
  const out: SbomPackage[] = [];
  let fields = new Map<string, string>();
  const flush = (): void => {
    const name = fields.get('P');
    const version = fields.get('V');
    if (name && version) {
      const arch = fields.get('A');
      const license = fields.get('L');
      out.push({
        ecosystem: 'apk',
        name,
        version,
        purl: purl('apk', distro?.id ?? 'alpine', name, version, { arch, distro: distroQualifier(distro) }),
        licenses: license ? [license] : [],
        path,
        ...(arch ? { arch } : {}),
      });
    }
    fields = new Map();
  };
  for (const line of text.split(/\r?\n/)) {
    if (line.trim() === '') flush();
    // Keep the first value of a key: later ones (F:, R: file lists) repeat many times.
    else if (line.length >= 2 && line[1] === ':' && !fields.has(line[0])) fields.set(line[0], line.slice(2).trim());
  }
  flush();
  return out;
}
