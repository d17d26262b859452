import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateDocs } from '../../src/docs/generate.js';
import { allRules } from '../../src/rules/index.js';
import { VERSION } from '../../src/version.js';
// @ts-expect-error plain JS build script
import { generate } from '../../scripts/gen-index.mjs';

const root = resolve(import.meta.dirname, '../..');
const HADOLINT_CODES = [
  'DL1001', 'DL3000', 'DL3001', 'DL3002', 'DL3003', 'DL3004', 'DL3006', 'DL3007', 'DL3008', 'DL3009', 'DL3010', 'DL3011', 'DL3012', 'DL3013',
  'DL3014', 'DL3015', 'DL3016', 'DL3018', 'DL3019', 'DL3020', 'DL3021', 'DL3022', 'DL3023', 'DL3024', 'DL3025', 'DL3026', 'DL3027', 'DL3028',
  'DL3029', 'DL3030', 'DL3032', 'DL3033', 'DL3034', 'DL3035', 'DL3036', 'DL3037', 'DL3038', 'DL3040', 'DL3041', 'DL3042', 'DL3043', 'DL3044',
  'DL3045', 'DL3046', 'DL3047', 'DL3048', 'DL3049', 'DL3050', 'DL3051', 'DL3052', 'DL3053', 'DL3054', 'DL3055', 'DL3056', 'DL3057', 'DL3058',
  'DL3059', 'DL3060', 'DL3061', 'DL3062', 'DL3063', 'DL3064', 'DL3065', 'DL3066', 'DL3067', 'DL4000', 'DL4001', 'DL4003', 'DL4004', 'DL4005', 'DL4006',
];

describe('rule metadata', () => {
  it('ids and names are unique per target and well formed', () => {
    const ids = allRules.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    const names = allRules.map((r) => `${r.meta.target}/${r.name}`);
    expect(new Set(names).size).toBe(names.length);
    for (const r of allRules) {
      expect(r.id).toMatch(/^(DF|DI|DC|IM)\d{3}$/);
      expect(r.name).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(r.meta.docs.summary.length, r.id).toBeGreaterThan(10);
      expect(r.meta.docs.why.length, r.id).toBeGreaterThan(30);
      expect(Object.keys(r.meta.messages).length, r.id).toBeGreaterThan(0);
    }
  });

  it('every hadolint DL rule has exactly one shipready rule', () => {
    expect(HADOLINT_CODES).toHaveLength(71);
    for (const code of HADOLINT_CODES) expect(allRules.filter((r) => r.aliases.includes(code)).map((r) => r.id), code).toHaveLength(1);
  });

  it('every rule file has a test file and an index entry', () => {
    expect(generate(true)).toEqual([]);
    for (const target of ['dockerfile', 'context', 'compose', 'image']) {
      const dir = join(root, 'src/rules', target);
      if (!existsSync(dir)) continue;
      for (const f of readdirSync(dir).filter((n) => n.endsWith('.ts') && n !== 'index.ts' && !n.startsWith('_'))) {
        expect(existsSync(join(root, 'test/rules', target, f.replace(/\.ts$/, '.test.ts'))), `test for ${target}/${f}`).toBe(true);
      }
    }
  });

  it('generated docs are up to date (run `npm run docs`)', () => {
    for (const [path, content] of generateDocs(allRules)) {
      const file = join(root, path);
      expect(existsSync(file), path).toBe(true);
      expect(readFileSync(file, 'utf8'), path).toBe(content);
    }
  });

  it('the hadolint parity doc lists all 71 DL codes', () => {
    const doc = readFileSync(join(root, 'docs/hadolint-parity.md'), 'utf8');
    for (const code of HADOLINT_CODES) expect(doc, code).toContain(code);
  });

  it('the version matches package.json', () => {
    expect(VERSION).toBe(JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version);
  });
});
