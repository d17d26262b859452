import { describe, expect, it } from 'vitest';
import rule from '../../../src/rules/context/dockerignore-exception-unreachable.js';
import { PAIRWISE_BUDGET } from '../../../src/rules/context/_helpers.js';
import { contextRuleTester, runContextRule } from '../../helpers/context-tester.js';

const DF = 'FROM alpine\nCOPY . /x\n';

contextRuleTester(rule, {
  valid: [
    { name: 'exception after the exclusion', files: { Dockerfile: DF, '.dockerignore': 'docs\n!docs/README.md\n' } },
    { name: 'wildcard exception inside an excluded directory (BuildKit walks into it)', files: { Dockerfile: DF, '.dockerignore': 'build\n!**/*.keep\n' } },
    { name: 'a later pattern that does not cover it', files: { Dockerfile: DF, '.dockerignore': '*.md\n!README.md\ndocs\n' } },
    { name: 'BuildKit walk: a repeated pattern skipped at the parent does not re-exclude', files: { Dockerfile: DF, '.dockerignore': 'a\n!a/b\na\n' } },
    { name: 'exception first, nothing later', files: { Dockerfile: DF, '.dockerignore': '!README.md\n' } },
    { name: 'BuildKit walk: re-excluding with the same pattern as the parent does not reach the files', files: { Dockerfile: DF, '.dockerignore': 'logs\n!logs/*.keep\nlogs/\n' } },
    { name: '** spans directories: the later pattern overrules it only at depth zero', files: { Dockerfile: DF, '.dockerignore': 'docs/**/*.md\n!docs/**/index.md\ndocs/*.md\n', 'docs/index.md': '', 'docs/guide/index.md': '' } },
    { name: 'a later pattern that covers some names the wildcard reaches, not all', files: { Dockerfile: DF, '.dockerignore': 'logs\n!logs/*.keep\nlogs/[a-z]*\n' } },
    { name: '? stands for any character, not only the ones a later class lists', files: { Dockerfile: DF, '.dockerignore': '*.txt\n!v?.txt\nv[a-z].txt\n' } },
  ],
  invalid: [
    {
      name: 'the parent directory is excluded after the exception',
      files: { Dockerfile: DF, '.dockerignore': '!site/drafts/preview.html\nsite/drafts\n' },
      errors: [{ file: '.dockerignore', line: 1, column: 1, endColumn: 26, message: '`!site/drafts/preview.html` can never re-include anything: the later pattern `site/drafts` (line 2) excludes its parent directory site/drafts, and the last matching pattern wins. Move the exception below line 2.' }],
    },
    {
      name: 'the same files are excluded again',
      files: { Dockerfile: DF, '.dockerignore': '*.md\n!README.md\n*.md\n' },
      errors: [{ file: '.dockerignore', line: 2, column: 1, message: 'the later pattern `*.md` (line 3) excludes README.md again' }],
    },
    {
      name: 'a wildcard exception under a directory excluded after it',
      files: { Dockerfile: DF, '.dockerignore': '  !logs/app/*.keep\nlogs\n' },
      errors: [{ file: '.dockerignore', line: 1, column: 3, endColumn: 19, message: 'the later pattern `logs` (line 2) excludes its parent directory logs' }],
    },
    {
      name: 'a different later pattern covering the files',
      files: { Dockerfile: DF, '.dockerignore': 'logs\n!logs/*.keep\nlogs/*\n' },
      errors: [{ file: '.dockerignore', line: 2, column: 1, message: 'the later pattern `logs/*` (line 3) excludes logs/x.keep again' }],
    },
    {
      name: 'every depth ** reaches is overruled by a later parent directory',
      files: { Dockerfile: DF, '.dockerignore': '!docs/**/index.md\ndocs\n' },
      errors: [{ file: '.dockerignore', line: 1, column: 1, endColumn: 18, message: '`!docs/**/index.md` can never re-include anything: the later pattern `docs` (line 2) excludes its parent directory docs, and the last matching pattern wins. Move the exception below line 2.' }],
    },
    {
      name: 'a later ** pattern overrules every probe of a wildcard exception',
      files: { Dockerfile: DF, '.dockerignore': '*.md\n!docs/**/*.md\n**/*.md\n' },
      errors: [{ file: '.dockerignore', line: 2, column: 1, endColumn: 14, message: '`!docs/**/*.md` can never re-include anything: the later pattern `**/*.md` (line 3) excludes docs/x.md again' }],
    },
    {
      name: 'everything is excluded after it',
      files: { Dockerfile: DF, '.dockerignore': '!app\n*\n' },
      errors: [{ file: '.dockerignore', line: 1, column: 1, message: 'the later pattern `*` (line 2) excludes app again' }],
    },
  ],
});

describe('a generated .dockerignore of thousands of lines', () => {
  it('is checked up to the work bound, exceptions in order, then no further', () => {
    // 2,000 exceptions each excluded again by the `*` after it, in a list of 4,000 patterns: checking
    // them all would take 8 million pattern tests; the bound (5 million) stops after 1,250.
    const ignore = Array.from({ length: 2000 }, (_, i) => `!f${i}.txt\n*\n`).join('');
    const { findings } = runContextRule(rule, { files: { Dockerfile: DF, '.dockerignore': ignore } });
    expect(findings).toHaveLength(PAIRWISE_BUDGET / 4000);
    expect(findings.map((f) => (f.location as { line: number }).line)).toEqual(Array.from({ length: 1250 }, (_, i) => 2 * i + 1));
  });
});
