/**
 * Language packages: npm packages from `node_modules/<name>/package.json` (scoped too) and Python
 * distributions from `*.dist-info/METADATA` and `*.egg-info/PKG-INFO`. Malformed manifests are
 * skipped: a broken vendored file says nothing reliable about a package.
 */
import { purl } from './purl.js';
import { parseHeader } from './stanzas.js';
import type { SbomPackage } from './types.js';

/** Is this the manifest of an installed npm package (not a nested test fixture or the app itself)? */
export function isNpmManifest(path: string): boolean {
  const at = path.lastIndexOf('/node_modules/');
  if (at < 0 || !path.endsWith('/package.json')) return false;
  const rest = path.slice(at + 14).split('/');
  return rest.length === 2 || (rest.length === 3 && rest[0].startsWith('@'));
}

export function isPythonMetadata(path: string): boolean {
  return /\.dist-info\/METADATA$/.test(path) || /\.egg-info\/PKG-INFO$/.test(path);
}

function npmLicenses(pkg: Record<string, unknown>): string[] {
  const one = (v: unknown): string | undefined => {
    if (typeof v === 'string') return v.trim() || undefined;
    if (v && typeof v === 'object' && typeof (v as { type?: unknown }).type === 'string') return (v as { type: string }).type;
    return undefined;
  };
  const single = one(pkg.license);
  if (single) return [single];
  return Array.isArray(pkg.licenses) ? pkg.licenses.map(one).filter((l): l is string => !!l) : [];
}

export function parseNpmManifest(text: string, path: string): SbomPackage | undefined {
  let pkg: unknown;
  try {
    pkg = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!pkg || typeof pkg !== 'object' || Array.isArray(pkg)) return undefined;
  const { name, version } = pkg as { name?: unknown; version?: unknown };
  if (typeof name !== 'string' || typeof version !== 'string' || !name || !version) return undefined;
  const slash = name.startsWith('@') ? name.indexOf('/') : -1;
  const namespace = slash > 0 ? name.slice(0, slash) : undefined;
  const bare = slash > 0 ? name.slice(slash + 1) : name;
  return { ecosystem: 'npm', name, version, purl: purl('npm', namespace, bare, version), licenses: npmLicenses(pkg as Record<string, unknown>), path };
}

/** PEP 503 normalisation, which the pypi purl type asks for. */
export function normalizePythonName(name: string): string {
  return name.toLowerCase().replace(/[-_.]+/g, '-');
}

function pythonLicenses(h: Map<string, string>): string[] {
  const expression = h.get('license-expression');
  if (expression) return [expression];
  // `License:` sometimes holds the whole license text: only a short one-liner is a name.
  const license = h.get('license');
  if (license && !license.includes('\n') && license.length <= 80 && license.toUpperCase() !== 'UNKNOWN') return [license];
  const fromClassifiers = (h.get('classifier') ?? '')
    .split('\n')
    .filter((c) => c.startsWith('License ::'))
    .map((c) => c.split('::').pop()!.trim())
    .filter((c) => c && c !== 'OSI Approved');
  return [...new Set(fromClassifiers)];
}

export function parsePythonMetadata(text: string, path: string): SbomPackage | undefined {
  const h = parseHeader(text);
  const name = h.get('name');
  const version = h.get('version');
  if (!name || !version) return undefined;
  return { ecosystem: 'pypi', name, version, purl: purl('pypi', undefined, normalizePythonName(name), version), licenses: pythonLicenses(h), path };
}
