import { describe, expect, it } from 'vitest';
import { parsePragmaText } from '../../src/engine/pragma-text.js';

describe('suppression comment text', () => {
  it('reads shipready and hadolint pragmas, their scope and codes', () => {
    expect(parsePragmaText('shipready-ignore DF007,apt-unpinned -- reason')).toEqual({ scope: null, codes: ['DF007', 'apt-unpinned'], origin: 'shipready' });
    expect(parsePragmaText('shipready-ignore-file: DF012 DF013')).toEqual({ scope: 'file', codes: ['DF012', 'DF013'], origin: 'shipready' });
    expect(parsePragmaText('SHIPREADY-IGNORE-STAGE=DF001')).toEqual({ scope: 'stage', codes: ['DF001'], origin: 'shipready' });
    expect(parsePragmaText('hadolint ignore=DL3008, SC2046 # because')).toEqual({ scope: null, codes: ['DL3008', 'SC2046'], origin: 'hadolint' });
    expect(parsePragmaText('hadolint global ignore = DL3007')).toEqual({ scope: 'global', codes: ['DL3007'], origin: 'hadolint' });
  });

  it('refuses what is not a pragma', () => {
    for (const text of ['shipready-ignoreDF007', 'shipready-ignore-files DF007', 'shipready-ignore', 'shipready-ignore -- only a reason', 'shipready-ignore DF007!', 'hadolint ignore DL3008', 'hadolint shell=powershell', 'a comment about shipready-ignore DF007']) {
      expect(parsePragmaText(text), text).toBeNull();
    }
  });

  it('reads a long hostile line in one pass (the old regular expression backtracked cubically)', () => {
    // 200,000 spaces took the old expression hours; the answer is the same either way.
    expect(parsePragmaText(`shipready-ignore ${' '.repeat(200_000)}!x`)).toBeNull();
    expect(parsePragmaText(`hadolint ignore=${' '.repeat(200_000)}!x`)).toBeNull();
    expect(parsePragmaText(`shipready-ignore ${'DF001, '.repeat(20_000)}-- ${' '.repeat(100_000)}`)?.codes).toHaveLength(20_000);
  });
});
