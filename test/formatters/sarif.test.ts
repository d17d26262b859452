import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import type { ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { beforeAll, describe, expect, it } from 'vitest';
import { applyEdits, applyFixes } from '../../src/engine/fix.js';
import type { Finding } from '../../src/finding.js';
import { formatResult } from '../../src/formatters/index.js';
import { artifactLocation } from '../../src/formatters/sarif.js';
import aptMissingYes from '../../src/rules/dockerfile/apt-missing-yes.js';
import latestTag from '../../src/rules/dockerfile/latest-tag.js';
import { runRule } from '../helpers/rule-tester.js';
import { DOCKERFILE, aptYes, bareImageFinding, imageFinding, latest, makeResult, multiLine, options, otherFile } from './fixtures.js';

// ajv-formats is CommonJS with a default export; under NodeNext the default import is the module.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (ajv: Ajv2020) => Ajv2020;

/**
 * The SARIF 2.1.0 schema as shipped in the npm package @microsoft/sarif-multitool-linux
 * (file sarif-2.1.0.json; it declares JSON Schema draft 2020-12).
 */
const schema = JSON.parse(readFileSync(new URL('../fixtures/sarif-schema-2.1.0.json', import.meta.url), 'utf8'));

let validate: ValidateFunction;
beforeAll(() => {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  validate = ajv.compile(schema);
});

function sarif(findings: Finding[], extra: Parameters<typeof makeResult>[1] = {}) {
  const out = formatResult('sarif', makeResult(findings, extra), options());
  const log = JSON.parse(out) as { version: string; runs: any[] };
  const ok = validate(log);
  if (!ok) throw new Error(`SARIF does not validate:\n${JSON.stringify(validate.errors, null, 2)}`);
  return { out, log, run: log.runs[0] };
}

describe('sarif formatter', () => {
  it('the validator really checks: a broken log is rejected', () => {
    expect(validate({ version: '2.1.0', runs: [{ tool: { driver: {} } }] })).toBe(false);
    expect(validate({ version: '2.1.0', runs: [{ tool: { driver: { name: 'x' } }, results: [{ message: { text: 'm' }, level: 'fatal' }] }] })).toBe(false);
  });

  it('validates against the SARIF 2.1.0 schema for every kind of finding and run error', () => {
    const { out, log, run } = sarif([latest, aptYes, multiLine, otherFile, imageFinding, bareImageFinding], {
      errors: [{ file: 'x y/Dockerfile', message: 'cannot read', kind: 'input' }, { message: 'rule crashed', kind: 'internal' }],
    });
    expect(out.split('\n')[1]).toBe('  "$schema": "https://json.schemastore.org/sarif-2.1.0.json",');
    expect(log.version).toBe('2.1.0');
    expect(log.runs).toHaveLength(1);
    expect(run.tool.driver.name).toBe('shipready');
    expect(run.tool.driver.version).toBe('1.2.3');
    expect(run.tool.driver.informationUri).toBe('https://github.com/shipready/shipready');
    expect(run.originalUriBaseIds).toEqual({ '%SRCROOT%': { uri: 'file:///work/project/' } });
    expect(run.columnKind).toBe('utf16CodeUnits');
    expect(run.invocations).toEqual([
      {
        executionSuccessful: false,
        toolExecutionNotifications: [
          {
            level: 'error',
            message: { text: 'cannot read' },
            locations: [{ physicalLocation: { artifactLocation: { uri: 'x%20y/Dockerfile', uriBaseId: '%SRCROOT%' } } }],
            descriptor: { id: 'input' },
          },
          { level: 'error', message: { text: 'rule crashed' }, descriptor: { id: 'internal' } },
        ],
      },
    ]);
  });

  it('describes every rule of the run with docs, help, level, tags and aliases', () => {
    const { run } = sarif([]);
    expect(run.invocations[0]).toEqual({ executionSuccessful: true, toolExecutionNotifications: [] });
    expect(run.results).toEqual([]);
    const rules = run.tool.driver.rules;
    expect(rules.map((r: { id: string }) => r.id)).toEqual(['DF007', 'DF012']);
    const r = rules[1];
    expect(r.name).toBe('apt-missing-yes');
    expect(r.shortDescription).toEqual({ text: 'apt-get install without -y.', markdown: aptMissingYes.meta.docs.summary });
    expect(r.fullDescription.text).toBe(aptMissingYes.meta.docs.why);
    expect(r.helpUri).toBe('https://github.com/shipready/shipready/blob/main/docs/rules/DF012-apt-missing-yes.md');
    expect(r.defaultConfiguration).toEqual({ level: 'warning' });
    expect(r.properties).toEqual({ tags: ['reliability'], aliases: ['DL3014'] });
    expect(r.help.text).toContain(`Bad:\n${aptMissingYes.meta.docs.bad}`);
    expect(r.help.text).toContain(`Good:\n${aptMissingYes.meta.docs.good}`);
    expect(r.help.markdown).toContain(`\`\`\`dockerfile\n${aptMissingYes.meta.docs.bad}\`\`\``);
    expect(r.help.markdown).toContain(`\`\`\`dockerfile\n${aptMissingYes.meta.docs.good}\`\`\``);
  });

  it('opt-in rules are disabled by default; info/style map to note', () => {
    const optIn = { ...latestTag, id: 'DF999', meta: { ...latestTag.meta, severity: 'off' as const } };
    const styleRule = { ...latestTag, id: 'DF998', meta: { ...latestTag.meta, severity: 'style' as const } };
    const result = { ...makeResult([{ ...latest, ruleId: 'DF998', severity: 'style' as const }]), rules: [optIn, styleRule] };
    const log = JSON.parse(formatResult('sarif', result, options()));
    expect(validate(log)).toBe(true);
    expect(log.runs[0].tool.driver.rules[0].defaultConfiguration).toEqual({ enabled: false, level: 'warning' });
    expect(log.runs[0].tool.driver.rules[1].defaultConfiguration).toEqual({ level: 'note' });
    expect(log.runs[0].results[0].level).toBe('note');
    expect(log.runs[0].results[0].ruleIndex).toBe(1);
  });

  it('text findings: location, level, fingerprint, aliases, rule index', () => {
    const { run } = sarif([aptYes, latest, multiLine, otherFile]);
    const [a, l, m, o] = run.results;
    expect(l).toEqual({
      ruleId: 'DF007',
      ruleIndex: 0,
      level: 'warning',
      message: { text: latest.message },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: 'Dockerfile', uriBaseId: '%SRCROOT%' },
            region: { startLine: 1, startColumn: 6, endLine: 1, endColumn: 17 },
          },
        },
      ],
      partialFingerprints: { 'shipreadyFingerprint/v1': '0123456789abcdef' },
      properties: { aliases: ['DL3007'], severity: 'warning' },
    });
    expect(a.level).toBe('error');
    expect(a.ruleIndex).toBe(1);
    expect(m.level).toBe('note');
    expect(m.locations[0].physicalLocation.region).toEqual({ startLine: 4, startColumn: 5, endLine: 5, endColumn: 14 });
    // A finding of a rule not listed in result.rules gets a minimal descriptor and a valid index.
    expect(run.tool.driver.rules[m.ruleIndex]).toMatchObject({ id: 'DF900', name: 'made-up-rule' });
    expect(o.level).toBe('note');
    expect(o.locations[0].physicalLocation.artifactLocation).toEqual({ uri: 'sub%20dir/Dockerfile.prod', uriBaseId: '%SRCROOT%' });
    expect(o.ruleIndex).toBe(0);
  });

  it('fixes become artifactChanges with char offsets that reproduce the engine fix', () => {
    const findings = [...runRule(aptMissingYes, { code: DOCKERFILE }), ...runRule(latestTag, { code: DOCKERFILE })];
    const { run } = sarif(findings);
    const withFix = run.results.filter((r: { fixes?: unknown }) => r.fixes);
    expect(withFix).toHaveLength(1);
    const fix = withFix[0].fixes[0];
    expect(fix.description).toEqual({ text: 'Add -y' });
    expect(fix.properties).toEqual({ applicability: 'safe' });
    expect(fix.artifactChanges).toEqual([
      {
        artifactLocation: { uri: 'Dockerfile', uriBaseId: '%SRCROOT%' },
        replacements: [{ deletedRegion: { charOffset: 67, charLength: 0 }, insertedContent: { text: ' -y' } }],
      },
    ]);
    const edits = fix.artifactChanges[0].replacements.map((r: { deletedRegion: { charOffset: number; charLength: number }; insertedContent: { text: string } }) => ({
      start: r.deletedRegion.charOffset,
      end: r.deletedRegion.charOffset + r.deletedRegion.charLength,
      text: r.insertedContent.text,
    }));
    expect(applyEdits(DOCKERFILE, edits)).toBe(applyFixes(DOCKERFILE, findings, true).text);
    expect(applyEdits(DOCKERFILE, edits)).toContain('apt-get install -y curl');
  });

  it('a fix that edits another file (a .dockerignore) names that file in its artifactChange', () => {
    const ignoreFix: Finding = { ...aptYes, ruleId: 'DI001', fix: { title: 'Ignore .env', applicability: 'safe', edits: [{ start: 0, end: 0, text: '.env\n' }], file: '.dockerignore' } };
    const { run } = sarif([ignoreFix]);
    const [res] = run.results;
    expect(res.locations[0].physicalLocation.artifactLocation.uri).toBe('Dockerfile');
    expect(res.fixes[0].artifactChanges[0].artifactLocation).toEqual({ uri: '.dockerignore', uriBaseId: '%SRCROOT%' });
  });

  it('image findings use a logical location instead of a file', () => {
    const { run } = sarif([imageFinding, bareImageFinding]);
    const [full, bare] = run.results;
    expect(full.locations).toEqual([
      {
        logicalLocations: [{ name: '/etc/passwd', fullyQualifiedName: 'registry.example.com/app:1.2/3:/etc/passwd', kind: 'resource' }],
        properties: { image: 'registry.example.com/app:1.2', layer: '3', path: '/etc/passwd', field: 'Config.User' },
      },
    ]);
    expect(full.partialFingerprints).toEqual({ 'shipreadyFingerprint/v1': '3333333333333333' });
    expect(full.properties.aliases).toEqual(['CIS-DI-0001']);
    expect(bare.locations[0].logicalLocations).toEqual([{ name: 'app:1.2', fullyQualifiedName: 'app:1.2', kind: 'resource' }]);
    expect(bare.locations[0].physicalLocation).toBeUndefined();
  });

  it('artifact URIs are percent-encoded relative references, or file: URIs for absolute paths', () => {
    expect(artifactLocation('Dockerfile')).toEqual({ uri: 'Dockerfile', uriBaseId: '%SRCROOT%' });
    expect(artifactLocation('a b/c#d%e?.Dockerfile')).toEqual({ uri: 'a%20b/c%23d%25e%3F.Dockerfile', uriBaseId: '%SRCROOT%' });
    // A colon in the first segment would otherwise read as a URI scheme.
    expect(artifactLocation('c:odd/Dockerfile').uri).toBe('c%3Aodd/Dockerfile');
    expect(artifactLocation('../other/Dockerfile')).toEqual({ uri: '../other/Dockerfile', uriBaseId: '%SRCROOT%' });
    expect(artifactLocation('/abs/x y/Dockerfile')).toEqual({ uri: 'file:///abs/x%20y/Dockerfile' });
    const { run } = sarif([{ ...latest, location: { ...latest.location, file: '/abs/x y/Dockerfile' } }]);
    expect(run.results[0].locations[0].physicalLocation.artifactLocation).toEqual({ uri: 'file:///abs/x%20y/Dockerfile' });
    // Windows paths (a report path for the host) are Windows file: URIs whatever the platform.
    expect(artifactLocation('C:\\Users\\me\\x y\\Dockerfile')).toEqual({ uri: 'file:///C:/Users/me/x%20y/Dockerfile' });
    expect(artifactLocation('d:/src/app#1/Dockerfile')).toEqual({ uri: 'file:///d:/src/app%231/Dockerfile' });
    expect(artifactLocation('\\\\build-host\\share\\Dockerfile')).toEqual({ uri: 'file://build-host/share/Dockerfile' });
  });
});
