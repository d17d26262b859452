import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/finding.js';
import { formatResult } from '../../src/formatters/index.js';
import { aptYes, bareImageFinding, imageFinding, latest, makeResult, multiLine, options, otherFile } from './fixtures.js';

const rdjsonl = (findings: Finding[], sources?: Map<string, string>) =>
  formatResult('rdjsonl', makeResult(findings), options(sources ? { sources } : {})).split('\n').filter(Boolean).map((l) => JSON.parse(l));

describe('rdjson formatters (Reviewdog Diagnostic Format)', () => {
  it('writes each finding with its exclusive range, severity, rule code and docs link', () => {
    const [d] = rdjsonl([latest]);
    expect(d).toEqual({
      message: latest.message,
      location: { path: 'Dockerfile', range: { start: { line: 1, column: 6 }, end: { line: 1, column: 17 } } },
      severity: 'WARNING',
      source: { name: 'shipready', url: expect.stringMatching(/^https:\/\//) },
      code: { value: 'DF007/latest-tag', url: expect.stringMatching(/DF007-latest-tag\.md$/) },
    });
    expect(rdjsonl([multiLine, otherFile]).map((x) => [x.severity, x.location.range])).toEqual([
      ['INFO', { start: { line: 4, column: 5 }, end: { line: 5, column: 14 } }],
      ['INFO', { start: { line: 2, column: 1 }, end: { line: 2, column: 5 } }],
    ]);
  });

  it('turns a fix into suggestions at line and column', () => {
    // aptYes inserts " -y" at offset 67: line 3 ("RUN apt-get update && apt-get install curl"), after "install".
    const [d] = rdjsonl([aptYes]);
    expect(d.severity).toBe('ERROR');
    expect(d.suggestions).toEqual([{ range: { start: { line: 3, column: 38 }, end: { line: 3, column: 38 } }, text: ' -y' }]);
  });

  it('counts columns in UTF-8 bytes, and leaves out suggestions when the text is not at hand', () => {
    const text = 'FROM node:latest\nLABEL description="café ☕" version=1\n';
    const at = (column: number, endColumn: number): Finding => ({ ...latest, location: { file: 'Dockerfile', line: 2, column, endLine: 2, endColumn }, fix: { title: 't', applicability: 'safe', edits: [{ start: 44, end: 53, text: 'v' }] } });
    // "version=1" starts after "café ☕" (é: 2 bytes, ☕: 3 bytes).
    const [d] = rdjsonl([at(28, 37)], new Map([['Dockerfile', text]]));
    expect(d.location.range).toEqual({ start: { line: 2, column: 31 }, end: { line: 2, column: 40 } });
    expect(d.suggestions[0].range).toEqual(d.location.range);
    const [bare] = rdjsonl([at(28, 37)], new Map());
    expect(bare.location.range.start.column).toBe(28);
    expect(bare.suggestions).toBeUndefined();
  });

  it('leaves out image findings; rdjson wraps the same diagnostics in one object', () => {
    expect(rdjsonl([latest, imageFinding, bareImageFinding])).toHaveLength(1);
    const doc = JSON.parse(formatResult('rdjson', makeResult([latest, aptYes, imageFinding]), options()));
    expect(doc.source.name).toBe('shipready');
    expect(doc.diagnostics).toEqual(rdjsonl([latest, aptYes]));
  });
});
