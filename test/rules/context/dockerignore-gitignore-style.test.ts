import rule from '../../../src/rules/context/dockerignore-gitignore-style.js';
import { contextRuleTester } from '../../helpers/context-tester.js';

const DF = 'FROM alpine\nCOPY . /x\n';

contextRuleTester(rule, {
  valid: [
    { name: 'root-only name with nothing nested', files: { Dockerfile: DF, '.dockerignore': 'node_modules\n*.log\n', 'node_modules/a/x.js': '', 'x.log': '' } },
    { name: 'already **/', files: { Dockerfile: DF, '.dockerignore': '**/__pycache__\n**/*.log\n', 'app/__pycache__/a.pyc': '', 'logs/a.log': '' } },
    { name: 'a leading slash says root-only on purpose', files: { Dockerfile: DF, '.dockerignore': '/__pycache__\n/*.log\n', 'logs/a.log': '' } },
    { name: 'the nested match is excluded by another pattern', files: { Dockerfile: DF, '.dockerignore': '*.log\nlogs\n', 'logs/a.log': '' } },
    { name: 'patterns with a slash are anchored in .gitignore too', files: { Dockerfile: DF, '.dockerignore': 'docs/*.md\n', 'docs/x/y.md': '' } },
    { name: 'a real comment and an escaped hash', files: { Dockerfile: DF, '.dockerignore': '# comment\n\\#notes\n' } },
    // `\ ` escapes the space: one pattern for the file "notes #1" on purpose (moving `#1` away would leave `notes\`, which Docker rejects).
    { name: 'an escaped space before #', files: { Dockerfile: DF, '.dockerignore': 'notes\\ #1\n', 'notes #1': '' } },
    // Without its `# keep`, the line would be `!` alone, which Docker rejects.
    { name: 'an exception mark alone before #', files: { Dockerfile: DF, '.dockerignore': '! # keep\n' } },
    { name: 'exceptions are not checked', files: { Dockerfile: DF, '.dockerignore': '**/*.md\n!README.md\n', 'docs/README.md': '' } },
    {
      name: 'not the real context: a nested match in the wrong tree is no evidence',
      dockerfile: 'docker/app.Dockerfile',
      files: { 'docker/app.Dockerfile': 'FROM alpine\nCOPY src ./src\n', 'docker/app.Dockerfile.dockerignore': '*.log\n', 'docker/conf/x.log': '', 'src/a.js': '' },
    },
    { name: 'the allowlist idiom: what the exception re-includes is sent on purpose', files: { Dockerfile: DF, '.dockerignore': '*\n!target\n', 'target/scripts/start.sh': '', 'notes.txt': '' } },
    { name: 'an exception re-including a parent directory of the nested match', files: { Dockerfile: DF, '.dockerignore': 'logs\n!logs/app\n*.log\n', 'logs/app/a.log': '' } },
  ],
  invalid: [
    {
      name: 'nested matches still sent',
      files: { Dockerfile: DF, '.dockerignore': 'node_modules/\n*.log\n', 'node_modules/a/x.js': '', 'packages/web/node_modules/b/y.js': '', 'logs/app/a.log': '' },
      errors: [
        { file: '.dockerignore', line: 1, column: 1, endColumn: 14, message: '`node_modules` only matches at the root of the build context: Docker anchors patterns at the root, unlike .gitignore (packages/web/node_modules is still sent). Write `**/node_modules` to match at any depth.' },
        { file: '.dockerignore', line: 2, column: 1, endColumn: 6, message: '`*.log` only matches at the root of the build context: Docker anchors patterns at the root, unlike .gitignore (logs/app/a.log is still sent).' },
      ],
      output: '**/node_modules/\n**/*.log\n',
    },
    {
      name: 'an exception elsewhere does not hide a nested match outside it',
      files: { Dockerfile: DF, '.dockerignore': 'build\n!build/keep\n*.md\n', 'build/keep/x.md': '', 'src/deep/z.md': '' },
      errors: [{ file: '.dockerignore', line: 3, column: 1, endColumn: 5, message: '`*.md` only matches at the root of the build context: Docker anchors patterns at the root, unlike .gitignore (src/deep/z.md is still sent).' }],
      output: 'build\n!build/keep\n**/*.md\n',
    },
    {
      name: 'an exception that never took effect (nothing excluded the path before it) is no excuse',
      files: { Dockerfile: DF, '.dockerignore': '*.log\n!logs/keep.log\n', 'logs/keep.log': '' },
      errors: [{ file: '.dockerignore', line: 1, column: 1, endColumn: 6, message: '`*.log` only matches at the root of the build context: Docker anchors patterns at the root, unlike .gitignore (logs/keep.log is still sent).' }],
      output: '**/*.log\n!logs/keep.log\n',
    },
    {
      name: 'names that always appear nested fire without evidence',
      files: { Dockerfile: DF, '.dockerignore': '.DS_Store\r\n__pycache__\r\n' },
      errors: [
        { file: '.dockerignore', line: 1, column: 1, endColumn: 10, message: '`.DS_Store` only matches at the root' },
        { file: '.dockerignore', line: 2, column: 1, endColumn: 12, message: '`__pycache__` only matches at the root' },
      ],
      output: '**/.DS_Store\r\n**/__pycache__\r\n',
    },
    {
      name: 'not the real context: names that always appear nested still fire',
      dockerfile: 'docker/app.Dockerfile',
      files: { 'docker/app.Dockerfile': 'FROM alpine\nCOPY src ./src\n', 'docker/app.Dockerfile.dockerignore': '*.log\n__pycache__\n', 'docker/conf/x.log': '', 'src/a.js': '' },
      errors: [{ file: 'docker/app.Dockerfile.dockerignore', line: 2, column: 1, endColumn: 12, message: '`__pycache__` only matches at the root of the build context: Docker anchors patterns at the root, unlike .gitignore. Write `**/__pycache__` to match at any depth.' }],
      output: '*.log\n**/__pycache__\n',
    },
    {
      name: 'indented comment and trailing comment',
      files: { Dockerfile: DF, '.dockerignore': '.git\n  # local files\nnode_modules   # deps\n' },
      errors: [
        { file: '.dockerignore', line: 2, column: 3, endColumn: 16, message: 'This line is not a comment: Docker only treats `#` in the first column as one, so `# local files` is a pattern' },
        { file: '.dockerignore', line: 3, column: 1, endColumn: 22, message: 'Docker has no trailing comments: the whole line `node_modules   # deps` is one pattern, so `node_modules` is not excluded.' },
      ],
      output: '.git\n# local files\n# deps\nnode_modules\n',
    },
  ],
});
