import rule from '../../../src/rules/context/dockerignore-pattern-unused.js';
import { contextRuleTester } from '../../helpers/context-tester.js';

const DF = 'FROM alpine\nCOPY . /x\n';

contextRuleTester(rule, {
  valid: [
    { name: 'every path exists', files: { Dockerfile: DF, '.dockerignore': 'docs\nscripts/dev.sh\n', 'docs/a.md': '', 'scripts/dev.sh': '' } },
    { name: 'defensive names a checkout lacks', files: { Dockerfile: DF, '.dockerignore': 'node_modules\n.git\ndist\n.env\n.env.local\nnpm-debug.log\n__pycache__\n' } },
    { name: 'wildcards are not checked', files: { Dockerfile: DF, '.dockerignore': '*.bak\n**/*.tmp\ndocs/*.draft\n' } },
    { name: 'an exception that re-includes', files: { Dockerfile: DF, '.dockerignore': 'docs\n!docs/README.md\n', 'docs/README.md': '' } },
    { name: 'an exception overruled later is dockerignore-exception-unreachable\'s business', files: { Dockerfile: DF, '.dockerignore': '!keep.txt\n*.txt\n', 'keep.txt': '' } },
    { name: 'an excluded directory and a path inside it, with an exception between', files: { Dockerfile: DF, '.dockerignore': 'build\n!build/keep\nbuild/keep/cache\n', 'build/keep/cache/x': '' } },
    {
      name: 'not the real context (no COPY source exists beside the Dockerfile): absence proves nothing',
      dockerfile: 'docker/app.Dockerfile',
      files: { 'docker/app.Dockerfile': 'FROM node:20\nCOPY package.json ./\nCOPY src ./src\n', 'docker/app.Dockerfile.dockerignore': 'src/test\n', 'package.json': '{}', 'src/index.js': '', 'src/test/a.js': '' },
    },
    { name: 'a trailing comment is dockerignore-gitignore-style\'s finding, not a missing path', files: { Dockerfile: DF, '.dockerignore': 'node_modules   # deps\nbuild/out # x\n' } },
  ],
  invalid: [
    {
      name: 'a path that does not exist',
      files: { Dockerfile: DF, '.dockerignore': '.git\ndocs/drafts\n  /tests/fixtures/  \n', 'docs/a.md': '' },
      errors: [
        { file: '.dockerignore', line: 2, column: 1, endColumn: 12, message: '`docs/drafts` matches nothing in the build context (docs/drafts does not exist); fix the path or remove the line.' },
        { file: '.dockerignore', line: 3, column: 3, endColumn: 19, message: '`/tests/fixtures/` matches nothing in the build context (tests/fixtures does not exist)' },
      ],
    },
    {
      name: 'already excluded by its parent directory',
      files: { Dockerfile: DF, '.dockerignore': 'build\nbuild/cache\n', 'build/cache/x': '' },
      errors: [{ file: '.dockerignore', line: 2, column: 1, message: '`build/cache` changes nothing: build/cache is already excluded by `build` (line 1); remove the line.' }],
    },
    {
      name: 'an exception with nothing to re-include',
      files: { Dockerfile: DF, '.dockerignore': '*.md\n!src/app.js\n', 'src/app.js': '' },
      errors: [{ file: '.dockerignore', line: 2, column: 1, endColumn: 12, message: '`!src/app.js` re-includes nothing: no earlier pattern excludes src/app.js' }],
    },
    {
      name: 'the Dockerfile\'s directory is the context when a COPY source exists there',
      dockerfile: 'docker/app.Dockerfile',
      files: { 'docker/app.Dockerfile': 'FROM node:20\nCOPY entry.sh ./\nCOPY src ./src\n', 'docker/app.Dockerfile.dockerignore': 'src/test\n', 'docker/entry.sh': '' },
      errors: [{ file: 'docker/app.Dockerfile.dockerignore', line: 1, column: 1, endColumn: 9, message: '`src/test` matches nothing in the build context (src/test does not exist)' }],
    },
    {
      name: 'in a Dockerfile-specific ignore file',
      dockerfile: 'app.Dockerfile',
      files: { 'app.Dockerfile': DF, 'app.Dockerfile.dockerignore': 'tmpdir\n' },
      errors: [{ file: 'app.Dockerfile.dockerignore', line: 1, column: 1, message: '`tmpdir` matches nothing' }],
    },
  ],
});
