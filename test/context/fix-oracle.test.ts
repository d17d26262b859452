// The .dockerignore fix oracle (test/helpers/dockerignore-fix-oracle.ts) on crafted ignore files and
// on every file of the shared corpus (../shared/corpus/dockerignore), each in a synthetic context,
// with safe and with all fixes.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkDockerignoreFixes } from '../helpers/dockerignore-fix-oracle.js';

const CRAFTED: Record<string, string> = {
  'a byte-order mark, CRLF, an indented comment, a trailing comment, a duplicate, no final line break': '\ufeff  # indented\r\n*.log # logs\r\nnode_modules\r\nnode_modules\r\n__pycache__',
  'duplicates around an exception, comments with tabs, an escaped space before #': 'a\n!a/b\na\n.git\n.git\n  #x\n\t# tab comment\n*.md #x\nfoo\\ #bar\n',
  'a pattern, its exception, the pattern again': '.env\n!.env\n.env\n',
  'an allow list': '*\n!src\n!package.json\n',
  'exception marks alone before #': '! # keep\nfoo\n!  #x\n',
  'exceptions inside excluded directories': '.vscode/*\n!.vscode/settings.json\nnode_modules\n!node_modules/pkg\n',
};

describe('.dockerignore fix oracle: crafted files', () => {
  for (const [name, text] of Object.entries(CRAFTED)) {
    for (const unsafe of [false, true]) {
      it(`${name} (${unsafe ? 'all fixes' : 'safe fixes'})`, () => {
        const r = checkDockerignoreFixes(Buffer.from(text), unsafe);
        expect(r.problems).toEqual([]);
        // Checked on real edits: every crafted case gets some fix once unsafe ones are on.
        if (unsafe) expect(r.fixes).toBeGreaterThan(0);
      });
    }
  }
});

const CORPUS = resolve(import.meta.dirname, '../../../shared/corpus/dockerignore');
const present = existsSync(CORPUS);
if (!present) console.warn(`NOTICE: ${CORPUS} is absent: the .dockerignore fix oracle over the corpus is skipped`);

describe.skipIf(!present)('.dockerignore fix oracle: corpus', () => {
  const files = present ? readdirSync(CORPUS).sort() : [];
  // (About 5 s for both runs on one core: each file gets a context of some 40 files on disk.)
  for (const unsafe of [false, true]) {
    it(`every file with ${unsafe ? 'all' : 'safe'} fixes sends what the fixes mean to send, and no more changes`, () => {
      const problems: string[] = [];
      let changed = 0;
      for (const f of files) {
        const r = checkDockerignoreFixes(readFileSync(join(CORPUS, f)), unsafe);
        if (r.fixes) changed++;
        for (const p of r.problems) problems.push(`${f}: ${p}`);
      }
      expect(problems).toEqual([]);
      expect(files.length).toBe(106);
      // Every synthetic context has junk and secrets, so (almost) every file gets fixes.
      expect(changed).toBeGreaterThan(100);
    }, 120_000);
  }
});
