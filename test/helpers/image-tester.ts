import { describe, expect, it } from 'vitest';
import { EffectiveConfig } from '../../src/config/resolve.js';
import { lintImage, layerLabel, type ImageLintResult, type WasteThresholds } from '../../src/engine/lint-image.js';
import { RuleRegistry } from '../../src/engine/registry.js';
import type { Finding, ImageLocation, Severity } from '../../src/finding.js';
import type { ImageModel } from '../../src/model/image/types.js';
import type { ImageRule } from '../../src/rules/image-types.js';
import { modelFromSpec, normalizeSpecPath, type ImageSpec, type SpecFile } from './image-spec.js';

/** A spec file may name its decoded capabilities directly (what the reader makes of the xattr). */
export type TestSpecFile = SpecFile & { capabilities?: string };
export type TestImageSpec = Omit<ImageSpec, 'layers'> & { layers: Array<{ createdBy?: string; files: TestSpecFile[] }> };

/** Build the model for a spec, applying `capabilities` strings the spec gives per file. */
export function buildModel(spec: TestImageSpec | ImageSpec): ImageModel {
  const model = modelFromSpec(spec as ImageSpec);
  spec.layers.forEach((layer, i) => {
    for (const f of layer.files as TestSpecFile[]) {
      if (f.capabilities === undefined) continue;
      const file = model.files.get(normalizeSpecPath(f.path));
      if (file && file.layer === i) file.capabilities = f.capabilities;
    }
  });
  return model;
}

export interface ImageCase {
  spec: TestImageSpec;
  options?: Record<string, unknown>;
  thresholds?: WasteThresholds;
  name?: string;
}

export interface ExpectedImageFinding {
  /** Layer index (0-based); compared as the layer's display id. */
  layer?: number;
  path?: string;
  field?: string;
  /** Substring (or several) the message must contain. */
  message?: string | string[];
}

export interface ImageInvalidCase extends ImageCase {
  errors: ExpectedImageFinding[];
}

/** Lint a model with the given rules forced on (options from the case). */
export function runImageRules(model: ImageModel, rules: readonly ImageRule[], c: Pick<ImageCase, 'options' | 'thresholds'> = {}): ImageLintResult {
  const registry = new RuleRegistry(rules);
  const ruleCfg: Record<string, Severity | { severity: Severity; options: Record<string, unknown> }> = {};
  for (const r of rules) {
    const severity: Severity = r.meta.severity === 'off' ? 'warning' : r.meta.severity;
    ruleCfg[r.id] = c.options ? { severity, options: c.options } : severity;
  }
  const config = new EffectiveConfig({ config: { rules: ruleCfg }, path: null, kind: 'default', baseDir: '.' }, registry);
  return lintImage(model, { rules, config: config.forFile(model.name), settings: config.settings, thresholds: c.thresholds });
}

export function imageFindings(rule: ImageRule, c: ImageCase): Finding[] {
  const r = runImageRules(buildModel(c.spec), [rule], c);
  if (r.errors.length) throw new Error(r.errors.map((e) => e.message).join('\n'));
  return r.findings.filter((f) => f.ruleId === rule.id);
}

export const imageLoc = (f: Finding): ImageLocation => f.location as ImageLocation;

/** Table-driven image rule tests: valid images stay silent, invalid ones fire with the exact location. */
export function imageRuleTester(rule: ImageRule, cases: { valid: ImageCase[]; invalid: ImageInvalidCase[] }): void {
  describe(`${rule.id} ${rule.name}`, () => {
    cases.valid.forEach((c, i) => {
      it(`valid #${i + 1}${c.name ? `: ${c.name}` : ''}`, () => {
        expect(imageFindings(rule, c).map((f) => f.message)).toEqual([]);
      });
    });
    cases.invalid.forEach((c, i) => {
      it(`invalid #${i + 1}${c.name ? `: ${c.name}` : ''}`, () => {
        const model = buildModel(c.spec);
        const r = runImageRules(model, [rule], c);
        expect(r.errors).toEqual([]);
        const got = r.findings.map((f) => {
          const l = imageLoc(f);
          return { layer: l.layer, path: l.path, field: l.field, message: f.message };
        });
        const want = c.errors.map((e, k) => ({
          layer: e.layer === undefined ? undefined : layerLabel(model, e.layer),
          path: e.path,
          field: e.field,
          message: e.message === undefined ? got[k]?.message : expect.stringMatching(new RegExp((Array.isArray(e.message) ? e.message : [e.message]).map(escape).map((m) => `(?=[\\s\\S]*${m})`).join(''))),
        }));
        expect(got).toEqual(want);
        for (const f of r.findings) expect(imageLoc(f).image).toBe(model.name);
      });
    });
  });
}

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
