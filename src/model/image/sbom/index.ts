/** Every package the image's captured databases and manifests list, in a stable order. */
import type { ImageModel } from '../types.js';
import { detectDistro } from './distro.js';
import { isNpmManifest, isPythonMetadata, parseNpmManifest, parsePythonMetadata } from './lang-packages.js';
import { APK_DATABASES, DPKG_STATUS, DPKG_STATUS_DIR, parseApk, parseDpkg } from './os-packages.js';
import type { Distro, SbomPackage } from './types.js';

export type { Distro, PackageEcosystem, SbomPackage } from './types.js';

export interface PackageInventory {
  distro?: Distro;
  packages: SbomPackage[];
}

const ECOSYSTEM_ORDER = { deb: 0, apk: 1, npm: 2, pypi: 3 } as const;

function compare(a: SbomPackage, b: SbomPackage): number {
  const cmp = (x: string, y: string): number => (x < y ? -1 : x > y ? 1 : 0);
  return ECOSYSTEM_ORDER[a.ecosystem] - ECOSYSTEM_ORDER[b.ecosystem] || cmp(a.name, b.name) || cmp(a.version, b.version) || cmp(a.path, b.path);
}

export function collectPackages(model: Pick<ImageModel, 'files' | 'contents'>): PackageInventory {
  const distro = detectDistro(model);
  const packages: SbomPackage[] = [];
  for (const [path, bytes] of model.contents) {
    const file = model.files.get(path);
    if (!file || file.type === 'dir') continue;
    let found: SbomPackage[] = [];
    if (path === DPKG_STATUS) found = parseDpkg(bytes.toString('utf8'), path, distro, true);
    else if (path.startsWith(DPKG_STATUS_DIR) && !path.endsWith('.md5sums')) found = parseDpkg(bytes.toString('utf8'), path, distro, false);
    else if (APK_DATABASES.includes(path)) found = parseApk(bytes.toString('utf8'), path, distro);
    else if (isNpmManifest(path)) found = [parseNpmManifest(bytes.toString('utf8'), path)].filter((p): p is SbomPackage => !!p);
    else if (isPythonMetadata(path)) found = [parsePythonMetadata(bytes.toString('utf8'), path)].filter((p): p is SbomPackage => !!p);
    for (const p of found) packages.push({ ...p, layer: file.layer });
  }
  packages.sort(compare);
  return distro ? { distro, packages } : { packages };
}
