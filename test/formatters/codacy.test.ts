import { describe, expect, it } from 'vitest';
import { formatResult } from '../../src/formatters/index.js';
import { aptYes, bareImageFinding, imageFinding, latest, makeResult, multiLine, options, otherFile } from './fixtures.js';

const codacy = (...args: Parameters<typeof makeResult>) => formatResult('codacy', makeResult(...args), options());

describe('codacy formatter', () => {
  it('writes one {filename, patternId, message, line} object per line, the pattern being the rule code', () => {
    const lines = codacy([latest, aptYes, multiLine, otherFile]).split('\n');
    expect(lines.pop()).toBe('');
    expect(lines.map((l) => JSON.parse(l))).toEqual([
      { filename: 'Dockerfile', patternId: 'DF007', message: latest.message, line: 1 },
      { filename: 'Dockerfile', patternId: 'DF012', message: aptYes.message, line: 3 },
      { filename: 'Dockerfile', patternId: 'DF900', message: multiLine.message, line: 4 },
      { filename: 'sub dir/Dockerfile.prod', patternId: 'DF007', message: otherFile.message, line: 2 },
    ]);
    // Keys in the order hadolint writes them.
    expect(Object.keys(JSON.parse(lines[0]))).toEqual(['filename', 'patternId', 'message', 'line']);
  });

  it('keeps a message with a newline on its line, and leaves out image findings and run errors', () => {
    const out = codacy([otherFile, imageFinding, bareImageFinding], { errors: [{ file: 'Dockerfile', kind: 'input', message: 'cannot read' }] });
    expect(out.split('\n')).toHaveLength(2);
    expect(JSON.parse(out).message).toContain('\n');
  });
});
