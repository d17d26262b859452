import rule from '../../../src/rules/context/dockerignore-invalid-pattern.js';
import { contextRuleTester } from '../../helpers/context-tester.js';

const DF = 'FROM alpine\nCOPY . /x\n';

contextRuleTester(rule, {
  valid: [
    { name: 'valid patterns, classes and escapes', files: { Dockerfile: DF, '.dockerignore': '[Bb]uild\n*.[ch]\n\\[x\\]\n!keep\n**/a?b\n' } },
    { name: 'a bang inside a pattern', files: { Dockerfile: DF, '.dockerignore': 'a!b\n' } },
  ],
  invalid: [
    {
      name: 'lone !, !/ and an unclosed class',
      files: { Dockerfile: DF, '.dockerignore': '!\n.git\n !/ \n[abc\n' },
      errors: [
        { file: '.dockerignore', line: 1, column: 1, endColumn: 2, message: '`!` is not a pattern Docker accepts (illegal exclusion pattern: "!"): the build fails before anything is sent.' },
        { file: '.dockerignore', line: 3, column: 2, endColumn: 4, message: '`!/` is not a pattern Docker accepts (illegal exclusion pattern' },
        { file: '.dockerignore', line: 4, column: 1, endColumn: 5, message: '`[abc` is not a pattern Docker accepts (syntax error in pattern)' },
      ],
    },
    {
      name: 'valid for filepath.Match but not for the regular expression',
      files: { Dockerfile: DF, '.dockerignore': '[Local-Only]/\n' },
      errors: [{ file: '.dockerignore', line: 1, column: 1, endColumn: 14, message: '`[Local-Only]/` is not a pattern Docker accepts (error parsing regexp: invalid character class range): Docker compiles it when it first checks a path against it, and the build fails then.' }],
    },
    {
      name: 'an exception only the regular expression refuses is compiled when a path an earlier line excludes reaches it',
      files: { Dockerfile: DF, '.dockerignore': 'tmp\n![Local-Only]\n' },
      errors: [{ file: '.dockerignore', line: 2, column: 1, endColumn: 14, message: 'Docker compiles an exception when it first checks a path an earlier line excludes, and the build fails then.' }],
    },
    {
      name: 'a trailing backslash and a reversed range',
      files: { Dockerfile: DF, '.dockerignore': 'foo\\\n[z-a]\n' },
      errors: [
        { file: '.dockerignore', line: 1, column: 1, message: 'syntax error in pattern' },
        { file: '.dockerignore', line: 2, column: 1, message: 'error parsing regexp' },
      ],
    },
  ],
});
