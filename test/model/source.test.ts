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
});
