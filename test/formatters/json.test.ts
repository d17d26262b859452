import { describe, expect, it } from 'vitest';
import { formatResult } from '../../src/formatters/index.js';
import aptMissingYes from '../../src/rules/dockerfile/apt-missing-yes.js';
import latestTag from '../../src/rules/dockerfile/latest-tag.js';
import { runRule } from '../helpers/rule-tester.js';
import { DOCKERFILE, aptYes, bareImageFinding, imageFinding, latest, makeResult, options } from './fixtures.js';

describe('json formatter', () => {
  it('the hand-made fixtures match what the real engine reports', () => {
    const [l] = runRule(latestTag, { code: DOCKERFILE });
    const [a] = runRule(aptMissingYes, { code: DOCKERFILE });
    expect(l.location).toEqual(latest.location);
    expect(a.location).toEqual(aptYes.location);
    expect(a.fix).toEqual(aptYes.fix);
    expect(l.message).toBe(latest.message);
  });

  it('writes one object with tool, findings, summary and errors, 2-space indented', () => {
    const result = makeResult([latest, aptYes], { errors: [{ file: 'broken/Dockerfile', message: 'not UTF-8', kind: 'input' }, { message: 'bad config', kind: 'config' }] });
    const out = formatResult('json', result, options());
    expect(out.endsWith('}\n')).toBe(true);
    expect(out.split('\n')[1]).toBe('  "tool": {');
    const doc = JSON.parse(out);
    expect(Object.keys(doc)).toEqual(['tool', 'findings', 'summary', 'errors']);
    expect(doc.tool).toEqual({ name: 'shipready', version: '1.2.3' });
    expect(doc.findings[0]).toEqual({
      ruleId: 'DF007',
      ruleName: 'latest-tag',
      aliases: ['DL3007'],
      severity: 'warning',
      message: latest.message,
      file: 'Dockerfile',
      line: 1,
      column: 6,
      endLine: 1,
      endColumn: 17,
      fingerprint: '0123456789abcdef',
    });
    expect(Object.keys(doc.findings[1])).toEqual([
      'ruleId', 'ruleName', 'aliases', 'severity', 'message', 'file', 'line', 'column', 'endLine', 'endColumn', 'fix', 'fingerprint',
    ]);
    expect(doc.findings[1].fix).toEqual({ title: 'Add -y', applicability: 'safe', edits: [{ start: 67, end: 67, text: ' -y' }] });
    expect(doc.summary).toEqual({ filesLinted: 1, findings: 2, bySeverity: { style: 0, info: 0, warning: 1, error: 1 }, fixable: 1, unsafeFixable: 0, errors: 2 });
    expect(doc.errors).toEqual([
      { file: 'broken/Dockerfile', message: 'not UTF-8', kind: 'input' },
      { message: 'bad config', kind: 'config' },
    ]);
  });

  it('a fix that edits another file says which', () => {
    const f = { ...aptYes, fix: { ...aptYes.fix!, file: '.dockerignore' } };
    const doc = JSON.parse(formatResult('json', makeResult([f]), options()));
    expect(doc.findings[0].file).toBe('Dockerfile');
    expect(doc.findings[0].fix.file).toBe('.dockerignore');
  });

  it('image findings carry image/layer/path/field instead of file positions', () => {
    const doc = JSON.parse(formatResult('json', makeResult([imageFinding, bareImageFinding]), options()));
    expect(doc.findings[0]).toEqual({
      ruleId: 'IM001',
      ruleName: 'image-runs-as-root',
      aliases: ['CIS-DI-0001'],
      severity: 'warning',
      message: 'The image runs as root.',
      image: 'registry.example.com/app:1.2',
      layer: '3',
      path: '/etc/passwd',
      field: 'Config.User',
      fingerprint: '3333333333333333',
    });
    expect(doc.findings[1]).toEqual({
      ruleId: 'IM002',
      ruleName: 'image-no-healthcheck',
      aliases: [],
      severity: 'info',
      message: 'No HEALTHCHECK.',
      image: 'app:1.2',
      fingerprint: '4444444444444444',
    });
    for (const f of doc.findings) for (const k of ['file', 'line', 'column', 'endLine', 'endColumn']) expect(f).not.toHaveProperty(k);
  });

  it('a clean run is still one document', () => {
    const doc = JSON.parse(formatResult('json', makeResult([], { files: ['Dockerfile'] }), options({ color: true })));
    expect(doc.findings).toEqual([]);
    expect(doc.errors).toEqual([]);
    expect(doc.summary.filesLinted).toBe(1);
  });
});
