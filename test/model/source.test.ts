import { describe, expect, it } from 'vitest';
import { SourceFile } from '../../src/model/source.js';

describe('SourceFile', () => {
  const text = 'FROM alpine\r\nRUN a \\\n  b\n\nCMD x';
  const src = new SourceFile('D', text);

  it('maps offsets to 1-based lines and columns', () => {
    expect(src.position(0)).toEqual({ line: 1, column: 1 });
    expect(src.position(13)).toEqual({ line: 2, column: 1 });
    expect(src.position(text.length)).toEqual({ line: 5, column: 6 });
  });

  it('positionAfter agrees with position for every start and length', () => {
    for (let a = 0; a <= text.length; a++) {
      for (let n = 0; a + n <= text.length; n++) {
        expect(src.positionAfter(src.position(a), n), `${a}+${n}`).toEqual(src.position(a + n));
      }
    }
  });

  it('lineEnd stops before \\n, \\r\\n, and a \\r that ends the file (as Docker reads lines)', () => {
    expect(src.lineEnd(1)).toBe(11);
    expect(src.lineEnd(5)).toBe(text.length);
    const cr = new SourceFile('D', 'FROM a\r\nRUN b\r');
    expect(cr.lineEnd(1)).toBe(6);
    expect(cr.lineEnd(2)).toBe(13);
    // Only a final \r: one inside a line is content.
    expect(new SourceFile('D', 'A\rB').lineEnd(1)).toBe(3);
    expect(new SourceFile('D', '\r').lineEnd(1)).toBe(0);
  });
});
