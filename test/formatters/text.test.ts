import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/finding.js';
import { formatResult } from '../../src/formatters/index.js';
import { aptYes, bareImageFinding, imageFinding, latest, makeResult, multiLine, options, otherFile } from './fixtures.js';

const text = (findings: Finding[], over: Parameters<typeof options>[0] = {}, extra: Parameters<typeof makeResult>[1] = {}) =>
  formatResult('text', makeResult(findings, extra), options(over));

const ANSI = /\x1b\[[0-9;]*m/g;

describe('text formatter', () => {
  it('prints header, code frame and summary, grouped by file and sorted by position', () => {
    // Out of order on purpose: the other file first, then line 3 before line 1.
    const out = text([otherFile, aptYes, latest], {}, { files: ['Dockerfile', 'sub dir/Dockerfile.prod'] });
    expect(out).toBe(
      [
        'Dockerfile:1:6  warning  Image "node:latest" uses the :latest tag; pin a version such as node:<version> (a digest also pins it).  DF007/latest-tag (DL3007)',
        '  1 | FROM node:latest',
        '    |      ^^^^^^^^^^^',
        '',
        'Dockerfile:3:23  error  apt-get install without -y waits for a confirmation the build cannot give; add -y.  DF012/apt-missing-yes (DL3014)',
        '  3 | RUN apt-get update && apt-get install curl',
        '    |                       ^^^^^^^^^^^^^^^',
        '',
        'sub dir/Dockerfile.prod:2:1  style  Styled <note> & "quotes", commas: colons%',
        '    second line  DF007/latest-tag (DL3007)',
        '',
        '✖ 3 problems (1 error, 1 warning, 1 style) in 2 files; 1 fixable with --fix',
        '',
      ].join('\n'),
    );
  });

  it('says which option fixes what is left, and how many fixes --fix applied', () => {
    const unsafe: Finding = { ...latest, fix: { title: 't', applicability: 'unsafe', edits: [{ start: 0, end: 0, text: 'x' }] } };
    const last = (findings: Finding[], fixed?: number) => {
      const result = makeResult(findings);
      if (fixed !== undefined) result.summary.fixed = fixed;
      return formatResult('text', result, options()).trimEnd().split('\n').pop();
    };
    expect(last([aptYes, unsafe])).toBe('✖ 2 problems (1 error, 1 warning) in 1 file; 1 fixable with --fix (1 more with --unsafe-fixes)');
    expect(last([unsafe])).toBe('✖ 1 problem (0 errors, 1 warning) in 1 file; 1 fixable with --fix --unsafe-fixes');
    expect(last([latest], 3)).toBe('✖ 1 problem (0 errors, 1 warning) in 1 file; 3 fixes applied');
    expect(last([], 1)).toBe('✔ No problems in 0 files; 1 fix applied');
  });

  it('shows the first line and ... for a multi-line range', () => {
    const out = text([multiLine]);
    expect(out.split('\n').slice(0, 4)).toEqual([
      'Dockerfile:4:5  info  A span over two lines.  DF900/made-up-rule',
      '    4 | RUN echo "a" \\',
      '      |     ^^^^^^^^^^',
      '  ... | (to line 5)',
    ]);
  });

  it('omits the code frame when the source is not available', () => {
    const out = text([latest], { sources: undefined });
    expect(out.split('\n')[1]).toBe('');
    expect(out).not.toContain(' | ');
  });

  it('prints image locations as image[:layer][ path][ field] without a frame', () => {
    const out = text([imageFinding, bareImageFinding]);
    const lines = out.split('\n');
    expect(lines[0]).toBe('registry.example.com/app:1.2:3 /etc/passwd Config.User  warning  The image runs as root.  IM001/image-runs-as-root (CIS-DI-0001)');
    expect(lines[1]).toBe('');
    expect(lines[2]).toBe('app:1.2  info  No HEALTHCHECK.  IM002/image-no-healthcheck');
  });

  it('uses ANSI colours only when asked', () => {
    const plain = text([latest, aptYes]);
    expect(plain).not.toMatch(ANSI);
    const colored = text([latest, aptYes], { color: true });
    expect(colored).toMatch(ANSI);
    expect(colored).toContain('\x1b[31merror\x1b[39m');
    expect(colored).toContain('\x1b[33mwarning\x1b[39m');
    // Stripping the colours gives back exactly the plain output.
    expect(colored.replace(ANSI, '')).toBe(plain);
  });

  it('summarises clean runs, singulars, info/style counts and run errors', () => {
    expect(text([], {}, { files: ['a', 'b', 'c', 'd'] })).toBe('✔ No problems in 4 files\n');
    expect(text([], {}, { files: ['a'] })).toBe('✔ No problems in 1 file\n');
    expect(text([latest]).trimEnd().split('\n').pop()).toBe('✖ 1 problem (0 errors, 1 warning) in 1 file');
    expect(text([multiLine, bareImageFinding]).trimEnd().split('\n').pop()).toBe('✖ 2 problems (0 errors, 0 warnings, 2 info) in 1 file');
    const withErrors = text([], {}, { files: ['Dockerfile'], errors: [{ file: 'x/Dockerfile', message: 'cannot read: EACCES', kind: 'input' }] });
    expect(withErrors).toBe('input error  x/Dockerfile: cannot read: EACCES\n\n✖ No problems in 1 file; 1 run error\n');
  });

  it('green tick and red cross when coloured', () => {
    expect(text([], { color: true }, { files: ['a'] })).toBe('\x1b[32m✔ No problems in 1 file\x1b[39m\n');
    expect(text([aptYes], { color: true }).trimEnd().split('\n').pop()).toBe(
      '\x1b[31m\x1b[1m✖ 1 problem (1 error, 0 warnings) in 1 file; 1 fixable with --fix\x1b[22m\x1b[39m',
    );
  });

  it('aligns the underline under tabs and astral characters', () => {
    const src = 'FROM x\n\tRUN  😀 echo "🐳" x\n';
    // `x` after the whale: UTF-16 column of the last x.
    const line2 = src.split('\n')[1];
    const col = line2.lastIndexOf('x') + 1;
    const f: Finding = { ...latest, location: { file: 'Dockerfile', line: 2, column: col, endLine: 2, endColumn: col + 1 } };
    const lines = text([f], { sources: new Map([['Dockerfile', src]]) }).split('\n');
    expect(lines[1]).toBe('  2 |     RUN  😀 echo "🐳" x');
    // Cells: tab -> 4, 'RUN  ' 5, 😀 2, ' echo "' 7, 🐳 2, '" ' 2: the x sits at cell 22.
    expect(lines[2]).toBe(`    | ${' '.repeat(22)}^`);
  });

  it('a zero-width range still gets one caret; CRLF sources do not leak \\r', () => {
    const src = 'FROM node:latest\r\nRUN true\r\n';
    const f: Finding = { ...latest, location: { file: 'Dockerfile', line: 2, column: 9, endLine: 2, endColumn: 9 } };
    const lines = text([f], { sources: new Map([['Dockerfile', src]]) }).split('\n');
    expect(lines[1]).toBe('  2 | RUN true');
    expect(lines[2]).toBe('    |         ^');
  });

  it('a \\r that ends the file is a line ending, not a character to show', () => {
    const f: Finding = { ...latest, location: { file: 'Dockerfile', line: 1, column: 6, endLine: 1, endColumn: 17 } };
    const lines = text([f], { sources: new Map([['Dockerfile', 'FROM node:latest\r']]) }).split('\n');
    expect(lines[1]).toBe('  1 | FROM node:latest');
    // A \r inside a line is content: shown neutralised.
    const mid = text([f], { sources: new Map([['Dockerfile', 'FROM node:latest\rX\n']]) }).split('\n');
    expect(mid[1]).toBe('  1 | FROM node:latest?X');
  });

  it('windows very long lines around the flagged range', () => {
    const long = `RUN ${'a'.repeat(300)} TARGET ${'b'.repeat(300)}`;
    const col = long.indexOf('TARGET') + 1;
    const f: Finding = { ...latest, location: { file: 'Dockerfile', line: 1, column: col, endLine: 1, endColumn: col + 6 } };
    const lines = text([f], { sources: new Map([['Dockerfile', long]]) }).split('\n');
    const code = lines[1].slice('  1 | '.length);
    expect(code.startsWith('…')).toBe(true);
    expect(code.endsWith('…')).toBe(true);
    expect(code.length).toBe(122);
    const under = lines[2].slice('    | '.length);
    expect(code.slice(under.indexOf('^'), under.lastIndexOf('^') + 1)).toBe('TARGET');
  });

  it('frames thousands of findings on one huge line, windowed, with control characters neutralised', () => {
    // One RUN line of 10,000 packages (about 90 KB), a tab and an escape sequence in it: a frame per
    // finding must not rescan or lay out the whole line each time, and long lines get the same
    // sanitising as short ones.
    const words = Array.from({ length: 10_000 }, (_, i) => `pkg${String(i).padStart(5, '0')}`);
    const head = 'RUN apt-get install -y\t\x1b[2J';
    const line = `${head} ${words.join(' ')}`;
    const src = `FROM debian:12\n${line}\r\nUSER app\n`;
    let col = head.length + 2;
    const findings: Finding[] = words.map((w) => {
      const location = { file: 'Dockerfile', line: 2, column: col, endLine: 2, endColumn: col + w.length };
      col += w.length + 1;
      return { ...latest, location };
    });
    const out = text(findings, { sources: new Map([['Dockerfile', src]]) });
    expect(out).not.toContain('\x1b');
    const lines = out.split('\n');
    expect(lines.length).toBe(findings.length * 4 + 2);
    for (const k of [0, 1, 5_000, 9_999]) {
      const code = lines[k * 4 + 1].slice('  2 | '.length);
      const under = lines[k * 4 + 2].slice('    | '.length);
      expect(code.length).toBeLessThanOrEqual(122);
      expect(code.slice(under.indexOf('^'), under.lastIndexOf('^') + 1)).toBe(words[k]);
    }
    // The window starts 20 columns before the range: the tab is shown as one space, the escape as "?".
    expect(lines[1].startsWith('  2 | …get install -y ?[2J pkg00000 pkg00001 ')).toBe(true);
  });

  it('frames the right line when findings jump between lines and files', () => {
    const a = 'FROM a\nRUN one\r\nRUN two\n';
    const b = 'FROM b\nRUN three\n';
    const at = (file: string, line: number): Finding => ({ ...latest, location: { file, line, column: 1, endLine: line, endColumn: 4 } });
    const out = text([at('a', 3), at('b', 2), at('a', 1), at('a', 3), at('b', 1)], { sources: new Map([['a', a], ['b', b]]) }, { files: ['a', 'b'] });
    const frames = out.split('\n').filter((l) => /^ {2}\d \| /.test(l));
    expect(frames).toEqual(['  1 | FROM a', '  3 | RUN two', '  3 | RUN two', '  1 | FROM b', '  2 | RUN three']);
  });

  it('neutralises terminal escape sequences coming from the linted file', () => {
    const src = 'FROM evil\x1b[2J:latest\n';
    const f: Finding = { ...latest, message: 'bad \x1b[31mimage\x07', location: { file: 'Dockerfile', line: 1, column: 6, endLine: 1, endColumn: 20 } };
    const out = text([f], { sources: new Map([['Dockerfile', src]]) });
    expect(out).not.toContain('\x1b');
    expect(out).not.toContain('\x07');
    expect(out).toContain('bad \\x1b[31mimage\\x07');
    expect(out.split('\n')[1]).toBe('  1 | FROM evil?[2J:latest');
  });
});
