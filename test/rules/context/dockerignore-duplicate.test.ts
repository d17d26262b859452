import rule from '../../../src/rules/context/dockerignore-duplicate.js';
import { contextRuleTester } from '../../helpers/context-tester.js';

const DF = 'FROM alpine\nCOPY . /x\n';

contextRuleTester(rule, {
  valid: [
    { name: 'distinct patterns', files: { Dockerfile: DF, '.dockerignore': 'a\nb\n**/a\n' } },
    { name: 'a repeat after an exception re-excludes', files: { Dockerfile: DF, '.dockerignore': 'docs\n!docs/keep\ndocs\n' } },
    { name: 'an exception and an exclusion of the same path', files: { Dockerfile: DF, '.dockerignore': 'x\n!x\n' } },
    { name: 'a wildcard exception in between may touch the same paths', files: { Dockerfile: DF, '.dockerignore': 'docs\n!**/*.md\ndocs\n' } },
  ],
  invalid: [
    {
      name: 'same pattern once cleaned; the fix deletes the line, comments and CRLF stay',
      files: { Dockerfile: DF, '.dockerignore': '# deps\r\nnode_modules\r\n.git\r\n./node_modules/\r\n# end\r\n' },
      errors: [{ file: '.dockerignore', line: 4, column: 1, endColumn: 16, message: '`./node_modules/` repeats `node_modules` (line 2) and changes nothing; remove it.' }],
      output: '# deps\r\nnode_modules\r\n.git\r\n# end\r\n',
    },
    {
      name: 'three times, last line without a newline',
      files: { Dockerfile: DF, '.dockerignore': '/dist\ndist\n*.log\ndist/' },
      errors: [
        { file: '.dockerignore', line: 2, column: 1, message: '`dist` repeats `/dist` (line 1)' },
        { file: '.dockerignore', line: 4, column: 1, message: '`dist/` repeats `dist` (line 2)' },
      ],
      output: '/dist\n*.log\n',
    },
    {
      name: 'an unrelated exception in between does not matter',
      files: { Dockerfile: DF, '.dockerignore': '.git\n!keep.txt\n*.txt\n./.git/\n' },
      errors: [{ file: '.dockerignore', line: 4, column: 1, message: '`./.git/` repeats `.git` (line 1)' }],
      output: '.git\n!keep.txt\n*.txt\n',
    },
    {
      name: 'repeated exceptions',
      files: { Dockerfile: DF, '.dockerignore': '*\n!src\n! src\n' },
      errors: [{ file: '.dockerignore', line: 3, column: 1, message: '`! src` repeats `!src` (line 2)' }],
      output: '*\n!src\n',
    },
  ],
});
