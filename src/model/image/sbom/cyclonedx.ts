/**
 * CycloneDX 1.5 JSON for an image: the image as `metadata.component` (type container), the
 * distribution as an operating-system component, and one library component per package with its
 * purl and where it was found. Output is deterministic: components are sorted, the serial number
 * is derived from the content unless one is given, and the timestamp appears only when given.
 */
import { createHash } from 'node:crypto';
import type { ImageModel } from '../types.js';
import { collectPackages } from './index.js';
import type { SbomPackage } from './types.js';

export interface CycloneDxOptions {
  /** shipready's version, recorded as the tool. */
  version: string;
  /** ISO 8601 time of the BOM (omitted when not given, so the output stays reproducible). */
  timestamp?: string;
  /** `urn:uuid:...`; default derived from the content. */
  serial?: string;
}

/** SPDX ids common in package metadata, written as `license.id`; anything else goes in `license.name`. */
export const COMMON_SPDX_IDS = new Set([
  '0BSD', 'Apache-2.0', 'Artistic-2.0', 'BSD-2-Clause', 'BSD-3-Clause', 'BSL-1.0', 'CC0-1.0', 'GPL-2.0-only',
  'GPL-2.0-or-later', 'GPL-3.0-only', 'GPL-3.0-or-later', 'ISC', 'LGPL-2.1-only', 'LGPL-2.1-or-later',
  'LGPL-3.0-only', 'LGPL-3.0-or-later', 'MIT', 'MPL-2.0', 'OpenSSL', 'PSF-2.0', 'Python-2.0', 'Unlicense', 'Zlib',
]);

type Json = Record<string, unknown>;

function licenses(p: SbomPackage): Json[] | undefined {
  if (p.licenses.length === 0) return undefined;
  return p.licenses.map((l) => ({ license: COMMON_SPDX_IDS.has(l) ? { id: l } : { name: l } }));
}

/** A name-based UUID (version 5 layout) from a SHA-1 of the content: same input, same serial. */
function contentSerial(seed: string): string {
  const h = createHash('sha1').update(seed).digest();
  h[6] = (h[6] & 0x0f) | 0x50;
  h[8] = (h[8] & 0x3f) | 0x80;
  const hex = h.subarray(0, 16).toString('hex');
  return `urn:uuid:${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

function property(name: string, value: string | number | undefined): Json[] {
  return value === undefined || value === '' ? [] : [{ name, value: String(value) }];
}

export function toCycloneDx(model: ImageModel, opts: CycloneDxOptions): Json {
  const { distro, packages } = collectPackages(model);
  const seen = new Map<string, number>();
  const components: Json[] = [];
  if (distro) {
    components.push({
      type: 'operating-system',
      'bom-ref': `os:${distro.id}${distro.versionId ? `@${distro.versionId}` : ''}`,
      name: distro.id,
      ...(distro.versionId ? { version: distro.versionId } : {}),
      description: distro.prettyName,
    });
  }
  for (const p of packages) {
    // The same purl can sit at several paths (two node_modules trees): keep refs unique.
    const n = seen.get(p.purl) ?? 0;
    seen.set(p.purl, n + 1);
    const lic = licenses(p);
    components.push({
      type: 'library',
      'bom-ref': n === 0 ? p.purl : `${p.purl}#${p.path}`,
      name: p.name,
      version: p.version,
      purl: p.purl,
      ...(lic ? { licenses: lic } : {}),
      properties: [
        ...property('shipready:package:type', p.ecosystem),
        ...property('shipready:package:path', p.path),
        ...property('shipready:package:layer', p.layer),
        ...property('shipready:package:arch', p.arch),
      ],
    });
  }
  const image: Json = {
    type: 'container',
    'bom-ref': 'image',
    name: model.repoTags[0] ?? model.name,
    ...(model.configDigest ? { version: model.configDigest } : {}),
    properties: [
      ...property('shipready:image:source', model.source),
      ...property('shipready:image:format', model.format),
      ...property('shipready:image:platform', [model.platform.os, model.platform.architecture, model.platform.variant].filter(Boolean).join('/')),
      ...model.repoTags.map((t) => ({ name: 'shipready:image:repoTag', value: t })),
      ...property('shipready:image:created', model.created),
    ],
  };
  const serial = opts.serial ?? contentSerial(JSON.stringify([image, components]));
  return {
    $schema: 'http://cyclonedx.org/schema/bom-1.5.schema.json',
    bomFormat: 'CycloneDX',
    specVersion: '1.5',
    serialNumber: serial,
    version: 1,
    metadata: {
      ...(opts.timestamp ? { timestamp: opts.timestamp } : {}),
      tools: { components: [{ type: 'application', name: 'shipready', version: opts.version }] },
      component: image,
    },
    components,
    dependencies: [{ ref: 'image', dependsOn: components.map((c) => c['bom-ref'] as string) }],
  };
}
