import { describe, expect, it } from 'vitest';
import { parseDockerfile } from '../../../src/model/dockerfile/parse.js';
import { deleteInstruction } from '../../../src/rules/helpers/dockerfile.js';

const without = (text: string, index: number): string | undefined => {
  const df = parseDockerfile('Dockerfile', text);
  const edit = deleteInstruction(text, df.instructions[index]);
  if (!edit) return undefined;
  return text.slice(0, edit.start) + edit.text + text.slice(edit.end);
};

describe('deleteInstruction', () => {
  it.each([
    ['the middle line', 'FROM a\nCMD x\nCMD y\n', 1, 'FROM a\nCMD y\n'],
    ['the last line without a line ending', 'FROM a\nCMD x\nCMD y', 2, 'FROM a\nCMD x\n'],
    ['continuation lines and trailing blanks', 'FROM a\n\tCMD ["a", \\\n  "b"]  \nCMD y\n', 1, 'FROM a\nCMD y\n'],
    ['a CRLF line', 'FROM a\r\nCMD x\r\nCMD y\r\n', 1, 'FROM a\r\nCMD y\r\n'],
  ])('deletes %s', (_, text, index, want) => {
    expect(without(text, index)).toBe(want);
  });

  it('takes the suppression comments right above it along, which would otherwise apply to the next instruction', () => {
    const text = 'FROM a\n# hadolint global ignore=DL3007\n# why\n# hadolint ignore=DL3025\n# shipready-ignore cmd-shell-form\nCMD x\nCMD ["y"]\n';
    expect(without(text, 1)).toBe('FROM a\n# hadolint global ignore=DL3007\n# why\nCMD ["y"]\n');
    expect(without('FROM a\n# shipready-ignore-file DL3025\nCMD x\nCMD y\n', 1)).toBe('FROM a\n# shipready-ignore-file DL3025\nCMD y\n');
  });

  it('leaves comments above and below, and the result still parses', () => {
    const text = 'FROM a\n# the old one\nCMD x\n# the new one\nCMD y\n';
    const out = without(text, 1)!;
    expect(out).toBe('FROM a\n# the old one\n# the new one\nCMD y\n');
    expect(parseDockerfile('Dockerfile', out).instructions.map((i) => i.keyword)).toEqual(['FROM', 'CMD']);
  });
});
