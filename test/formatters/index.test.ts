import { describe, expect, it } from 'vitest';
import { FORMATS, formatResult, isFormat, resolveFormat } from '../../src/formatters/index.js';
import { aptYes, bareImageFinding, imageFinding, latest, makeResult, multiLine, options, otherFile } from './fixtures.js';

describe('formatResult', () => {
  it('knows every documented format, text first', () => {
    expect(FORMATS).toEqual(['text', 'json', 'sarif', 'github', 'checkstyle', 'gitlab', 'junit', 'gnu', 'sonarqube', 'codeclimate', 'codacy', 'rdjson', 'rdjsonl']);
    for (const f of FORMATS) expect(isFormat(f)).toBe(true);
    expect(isFormat('toString')).toBe(false);
    expect(isFormat('JSON')).toBe(false);
  });

  it("takes hadolint's names for the same formats", () => {
    expect(resolveFormat('tty')).toBe('text');
    expect(resolveFormat('gitlab_codeclimate')).toBe('gitlab');
    expect(resolveFormat('sarif')).toBe('sarif');
    expect(resolveFormat('codacy')).toBe('codacy');
    expect(resolveFormat('Codacy')).toBeUndefined();
    expect(resolveFormat('toString')).toBeUndefined();
  });

  it('rejects an unknown format with the list of valid ones', () => {
    expect(() => formatResult('xml', makeResult([]), options())).toThrowError(
      'Unknown output format "xml"; valid formats: text, json, sarif, github, checkstyle, gitlab, junit, gnu, sonarqube, codeclimate, codacy, rdjson, rdjsonl',
    );
    // Not fooled by Object.prototype members.
    expect(() => formatResult('constructor', makeResult([]), options())).toThrowError(/valid formats: text, json/);
  });

  it('every format ends with a newline (a Code Climate stream with its NUL) and leaves the result untouched', () => {
    const result = makeResult([latest, aptYes, multiLine, otherFile, imageFinding, bareImageFinding], {
      errors: [{ file: 'Dockerfile', message: 'boom', kind: 'internal' }],
    });
    const before = JSON.stringify(result);
    for (const f of FORMATS) {
      const out = formatResult(f, result, options({ color: true }));
      expect(out.endsWith(f === 'codeclimate' ? '}\0' : '\n'), f).toBe(true);
      expect(out.endsWith('\n\n'), f).toBe(false);
      if (f !== 'text') expect(out, f).not.toContain('\x1b[');
    }
    expect(JSON.stringify(result)).toBe(before);
  });

  it('github, gnu, codeclimate, codacy and rdjsonl print nothing for a clean run (they are streams); the others still print a document', () => {
    const clean = makeResult([], { files: ['Dockerfile'] });
    const streams = ['github', 'gnu', 'codeclimate', 'codacy', 'rdjsonl'];
    for (const f of streams) expect(formatResult(f, clean, options()), f).toBe('');
    for (const f of FORMATS.filter((n) => !streams.includes(n))) expect(formatResult(f, clean, options()).length, f).toBeGreaterThan(1);
  });

  it('writes the XML formats for 150,000 findings in one file (more than a call takes as arguments)', () => {
    const many = Array.from({ length: 150_000 }, (_, i) => ({ ...latest, location: { file: 'Dockerfile', line: 1 + (i % 3), column: 1, endLine: 1 + (i % 3), endColumn: 2 } }));
    const count = (s: string, what: string) => s.split(what).length - 1;
    // (These two built their output with push(...items); no other format passes a list as call arguments.)
    expect(count(formatResult('checkstyle', makeResult(many), options()), '<error ')).toBe(150_000);
    expect(count(formatResult('junit', makeResult(many), options()), '<failure ')).toBe(150_000);
  });
});

