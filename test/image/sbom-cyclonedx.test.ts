import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import type { ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { beforeAll, describe, expect, it } from 'vitest';
import { COMMON_SPDX_IDS, toCycloneDx } from '../../src/model/image/sbom/cyclonedx.js';
import { modelFromSpec } from '../helpers/image-spec.js';
import { debianImage } from './sbom-fixtures.js';

// ajv-formats is CommonJS with a default export; under NodeNext the default import is the module.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (ajv: Ajv) => Ajv;

/** The official CycloneDX 1.5 JSON schema (draft-07) and the two schemas it references, vendored offline (see the README there). */
const schemaFile = (name: string): Record<string, unknown> =>
  JSON.parse(readFileSync(new URL(`../fixtures/image/cyclonedx-1.5/${name}`, import.meta.url), 'utf8')) as Record<string, unknown>;
const spdx = schemaFile('spdx.SNAPSHOT.schema.json');

let validate: ValidateFunction;
beforeAll(() => {
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  // The bom schema's relative $refs resolve against its $id, so register the others under those addresses.
  ajv.addSchema(spdx, 'http://cyclonedx.org/schema/spdx.SNAPSHOT.schema.json');
  ajv.addSchema(schemaFile('jsf-0.82.SNAPSHOT.schema.json'), 'http://cyclonedx.org/schema/jsf-0.82.SNAPSHOT.schema.json');
  validate = ajv.compile(schemaFile('bom-1.5.SNAPSHOT.schema.json'));
});

function valid(bom: unknown): void {
  if (!validate(bom)) throw new Error(`not valid CycloneDX 1.5:\n${JSON.stringify(validate.errors, null, 2)}`);
}

type Bom = {
  serialNumber: string;
  metadata: { timestamp?: string; component: Record<string, unknown>; tools: unknown };
  components: Array<Record<string, any>>;
  dependencies: Array<{ ref: string; dependsOn: string[] }>;
};

describe('CycloneDX 1.5 output', () => {
  const model = modelFromSpec(debianImage(), { configDigest: 'sha256:feed' });

  it('the validator really checks: a broken BOM is rejected', () => {
    const bom = toCycloneDx(model, { version: '1.2.3' }) as Bom;
    expect(() => valid({ ...bom, specVersion: 1.5 })).toThrow(/specVersion/);
    expect(() => valid({ ...bom, serialNumber: 'not-a-urn' })).toThrow(/serialNumber/);
    expect(() => valid({ ...bom, components: [{ ...bom.components[1], type: 'gadget' }] })).toThrow(/type/);
    // The SPDX list is really consulted through the cross-file $ref.
    expect(() => valid({ ...bom, components: [{ ...bom.components[1], licenses: [{ license: { id: 'Not-An-SPDX-Id' } }] }] })).toThrow(/enum|allowed values/);
  });

  it('validates against the official schema and describes the image and its packages', () => {
    const bom = toCycloneDx(model, { version: '1.2.3', timestamp: '2026-02-03T04:05:06Z', serial: 'urn:uuid:3e671687-395b-41f5-a30f-a58921a69b79' }) as Bom;
    valid(bom);
    expect(bom).toMatchObject({ bomFormat: 'CycloneDX', specVersion: '1.5', version: 1, serialNumber: 'urn:uuid:3e671687-395b-41f5-a30f-a58921a69b79' });
    expect(bom.metadata.timestamp).toBe('2026-02-03T04:05:06Z');
    expect(bom.metadata.tools).toEqual({ components: [{ type: 'application', name: 'shipready', version: '1.2.3' }] });
    expect(bom.metadata.component).toMatchObject({ type: 'container', 'bom-ref': 'image', name: 'example/app:1.0', version: 'sha256:feed' });
    expect(bom.components[0]).toEqual({ type: 'operating-system', 'bom-ref': 'os:debian@12', name: 'debian', version: '12', description: 'Debian GNU/Linux 12 (bookworm)' });
    const libc = bom.components.find((c) => c.name === 'libc6')!;
    expect(libc).toEqual({
      type: 'library',
      'bom-ref': 'pkg:deb/debian/libc6@2.36-9%2Bdeb12u4?arch=amd64&distro=debian-12',
      name: 'libc6',
      version: '2.36-9+deb12u4',
      purl: 'pkg:deb/debian/libc6@2.36-9%2Bdeb12u4?arch=amd64&distro=debian-12',
      properties: [
        { name: 'shipready:package:type', value: 'deb' },
        { name: 'shipready:package:path', value: '/var/lib/dpkg/status' },
        { name: 'shipready:package:layer', value: '0' },
        { name: 'shipready:package:arch', value: 'amd64' },
      ],
    });
    // SPDX ids as `id`, anything else as `name`.
    expect(bom.components.find((c) => c.name === 'old-lib')!.licenses).toEqual([{ license: { id: 'BSD-3-Clause' } }, { license: { name: 'Custom License' } }]);
    expect(bom.components.map((c) => c.name)).toEqual(['debian', 'base-files', 'libc6', 'tzdata', '@types/node', 'debug', 'express', 'old-lib', 'Flask_Login', 'requests', 'six']);
    expect(bom.dependencies).toEqual([{ ref: 'image', dependsOn: bom.components.map((c) => c['bom-ref']) }]);
  });

  it('is deterministic: same image, same bytes, and the serial follows the content', () => {
    const a = JSON.stringify(toCycloneDx(model, { version: '1.2.3' }));
    const b = JSON.stringify(toCycloneDx(modelFromSpec(debianImage(), { configDigest: 'sha256:feed' }), { version: '1.2.3' }));
    expect(a).toBe(b);
    const bom = JSON.parse(a) as Bom;
    valid(bom);
    expect(bom.metadata.timestamp).toBeUndefined();
    const other = toCycloneDx(modelFromSpec(debianImage(), { configDigest: 'sha256:beef' }), { version: '1.2.3' }) as Bom;
    expect(other.serialNumber).not.toBe(bom.serialNumber);
  });

  it('keeps bom-refs unique when one package sits at two paths', () => {
    const spec = debianImage();
    spec.layers[1].files.push({ path: '/other/node_modules/express/package.json', content: JSON.stringify({ name: 'express', version: '4.19.2' }) });
    const bom = toCycloneDx(modelFromSpec(spec), { version: '0' }) as Bom;
    valid(bom);
    const refs = bom.components.map((c) => c['bom-ref']);
    expect(new Set(refs).size).toBe(refs.length);
    expect(refs.filter((r: string) => r.startsWith('pkg:npm/express@'))).toEqual(['pkg:npm/express@4.19.2', 'pkg:npm/express@4.19.2#/other/node_modules/express/package.json']);
  });

  it('an image without packages is still a valid BOM', () => {
    const bom = toCycloneDx(modelFromSpec({ layers: [{ files: [{ path: '/hello', content: 'x' }] }] }), { version: '0' }) as Bom;
    valid(bom);
    expect(bom.components).toEqual([]);
  });

  it('every SPDX id written as `license.id` is in the schema SPDX list', () => {
    const ids = new Set((spdx as { enum: string[] }).enum);
    expect([...COMMON_SPDX_IDS].filter((id) => !ids.has(id))).toEqual([]);
  });
});
