import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/finding.js';
import { formatResult } from '../../src/formatters/index.js';
import { aptYes, bareImageFinding, imageFinding, latest, makeResult, multiLine, options, otherFile } from './fixtures.js';

const gnu = (...args: Parameters<typeof makeResult>) => formatResult('gnu', makeResult(...args), options());
const at = (line: number, column: number, endLine: number, endColumn: number): Finding => ({ ...latest, location: { file: 'Dockerfile', line, column, endLine, endColumn } });

describe('gnu formatter', () => {
  it('writes file:line.column-range: severity: message [rule], one line per finding', () => {
    expect(gnu([latest, aptYes, multiLine, otherFile]).split('\n')).toEqual([
      `Dockerfile:1.6-16: warning: ${latest.message} [DF007/latest-tag]`,
      `Dockerfile:3.23-37: error: ${aptYes.message} [DF012/apt-missing-yes]`,
      'Dockerfile:4.5-5.13: note: A span over two lines. [DF900/made-up-rule]',
      'sub dir/Dockerfile.prod:2.1-4: note: Styled <note> & "quotes", commas: colons% second line [DF007/latest-tag]',
      '',
    ]);
  });

  it('gives the last column inclusively, a point as line.column, and a range ending at a line start in lines', () => {
    expect(gnu([at(2, 3, 2, 4)])).toMatch(/^Dockerfile:2\.3: /);
    expect(gnu([at(2, 3, 2, 3)])).toMatch(/^Dockerfile:2\.3: /);
    expect(gnu([at(2, 3, 5, 1)])).toMatch(/^Dockerfile:2-4: /);
    expect(gnu([at(2, 3, 3, 1)])).toMatch(/^Dockerfile:2\.3: /);
  });

  it('names images in place of a file, and puts run errors first', () => {
    const out = gnu([imageFinding, bareImageFinding], { errors: [{ file: 'bad/Dockerfile', kind: 'input', message: 'cannot read\nthe file' }] }).split('\n');
    expect(out).toEqual([
      'bad/Dockerfile: error: cannot read the file',
      'registry.example.com/app:1.2:3 /etc/passwd Config.User: warning: The image runs as root. [IM001/image-runs-as-root]',
      'app:1.2: note: No HEALTHCHECK. [IM002/image-no-healthcheck]',
      '',
    ]);
  });

  it('keeps one line per finding when a file name holds a newline', () => {
    const out = gnu([{ ...latest, location: { ...latest.location, file: 'a\nb/Dockerfile' } as Finding['location'] }]);
    expect(out.split('\n')).toHaveLength(2);
    expect(out).toMatch(/^a b\/Dockerfile:1\.6-16: warning: /);
  });

  it('prints nothing for a clean run', () => {
    expect(gnu([])).toBe('');
  });
});
