import { describe, expect, it } from 'vitest';
import { formatResult } from '../../src/formatters/index.js';
import { aptYes, imageFinding, latest, makeResult, multiLine, options } from './fixtures.js';

const sonar = (...args: Parameters<typeof makeResult>) => JSON.parse(formatResult('sonarqube', makeResult(...args), options())) as { rules: Array<Record<string, any>>; issues: Array<Record<string, any>> };

describe('sonarqube formatter', () => {
  it('writes the generic issue import format: rules with Clean Code impacts, issues with 0-based columns', () => {
    const { rules, issues } = sonar([latest, aptYes, multiLine, { ...latest, severity: 'error', location: { file: 'b/Dockerfile', line: 2, column: 1, endLine: 2, endColumn: 1 } }]);
    expect(rules).toEqual([
      // The most severe finding of a rule sets its impact.
      { id: 'DF007', name: 'latest-tag', description: 'FROM uses the `:latest` tag.', engineId: 'shipready', cleanCodeAttribute: 'COMPLETE', impacts: [{ softwareQuality: 'RELIABILITY', severity: 'HIGH' }] },
      { id: 'DF012', name: 'apt-missing-yes', description: '`apt-get install` without `-y`.', engineId: 'shipready', cleanCodeAttribute: 'COMPLETE', impacts: [{ softwareQuality: 'RELIABILITY', severity: 'HIGH' }] },
      // A rule the run did not list still gets an entry (as a correctness rule, named by its name).
      { id: 'DF900', name: 'made-up-rule', description: 'made-up-rule', engineId: 'shipready', cleanCodeAttribute: 'LOGICAL', impacts: [{ softwareQuality: 'RELIABILITY', severity: 'LOW' }] },
    ]);
    expect(issues[0]).toEqual({ ruleId: 'DF007', primaryLocation: { message: latest.message, filePath: 'Dockerfile', textRange: { startLine: 1, endLine: 1, startColumn: 5, endColumn: 16 } } });
    expect(issues[2].primaryLocation.textRange).toEqual({ startLine: 4, endLine: 5, startColumn: 4, endColumn: 13 });
    // An empty range is given by its line only.
    expect(issues[3].primaryLocation.textRange).toEqual({ startLine: 2, endLine: 2 });
    expect(issues.map((i) => i.ruleId)).toEqual(['DF007', 'DF012', 'DF900', 'DF007']);
    for (const i of issues) expect(rules.some((r) => r.id === i.ruleId)).toBe(true);
  });

  it('leaves out image findings, which have no file in the project', () => {
    expect(sonar([imageFinding])).toEqual({ rules: [], issues: [] });
  });
});
