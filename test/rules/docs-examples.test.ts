import { describe, expect, it } from 'vitest';
import type { ImageRule } from '../../src/rules/image-types.js';
import { dockerfileRules, imageRules } from '../../src/rules/index.js';
import { imageFindings, type TestImageSpec } from '../helpers/image-tester.js';
import { runRule } from '../helpers/rule-tester.js';

// Every rule's documented bad example must fire and its good example must stay silent.
describe('rule docs examples', () => {
  // ShellCheck findings come from the external binary; test/engine/shellcheck.test.ts covers them.
  for (const rule of dockerfileRules.filter((r) => r.name !== 'shellcheck')) {
    it(`${rule.id} ${rule.name}: bad example fires`, () => {
      expect(runRule(rule, { code: rule.meta.docs.bad, settings: rule.meta.docs.settings }).length).toBeGreaterThan(0);
    });
    it(`${rule.id} ${rule.name}: good example is clean`, () => {
      expect(runRule(rule, { code: rule.meta.docs.good, settings: rule.meta.docs.settings }).map((f) => f.message)).toEqual([]);
    });
  }
});

// Image rules document their examples as JSON image specs (test/helpers/image-spec.ts), built into a model here.
describe('image rule docs examples', () => {
  for (const rule of imageRules as ImageRule[]) {
    const spec = (text: string) => JSON.parse(text) as TestImageSpec;
    it(`${rule.id} ${rule.name}: bad example fires`, () => {
      expect(imageFindings(rule, { spec: spec(rule.meta.docs.bad) }).length).toBeGreaterThan(0);
    });
    it(`${rule.id} ${rule.name}: good example is clean`, () => {
      expect(imageFindings(rule, { spec: spec(rule.meta.docs.good) }).map((f) => f.message)).toEqual([]);
    });
  }
});
