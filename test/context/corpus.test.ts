import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDockerignore } from '../../src/model/context/dockerignore.js';

const dir = resolve(import.meta.dirname, '../../../shared/corpus/dockerignore');
const present = existsSync(dir);
if (!present) console.warn(`[shipready] ${dir} is missing: the .dockerignore corpus test is skipped`);

// Every real .dockerignore in the shared corpus is read the way Docker reads it, with no pattern
// Docker would reject. The counts pin the corpus so a change in reading shows up here.
describe.skipIf(!present)('.dockerignore corpus', () => {
  it('parses every file, every pattern valid and positioned on its line', () => {
    const files = readdirSync(dir).sort();
    let patterns = 0;
    let exceptions = 0;
    const problems: string[] = [];
    for (const f of files) {
      const text = readFileSync(join(dir, f), 'utf8');
      const ig = parseDockerignore(text, f);
      for (const p of ig.patterns) {
        if (p.problem) problems.push(`${f}:${p.line}: ${p.raw}: ${p.problem}`);
        expect(ig.source.position(p.span.start).line, `${f}:${p.line}`).toBe(p.line);
        expect(text.slice(p.span.start, p.span.end)).toBe(p.raw);
        patterns++;
        if (p.negated) exceptions++;
      }
      for (const e of ig.lineErrors) problems.push(`${f}:${e.line}: ${e.message}`);
      // Every compiled pattern can be evaluated.
      for (const p of ig.patterns) if (p.matcherIndex >= 0) ig.matcher.evaluate('some/dir/file.txt');
    }
    expect(problems).toEqual([]);
    expect({ files: files.length, patterns, exceptions }).toEqual({ files: 106, patterns: 538, exceptions: 10 });
  });
});
