import rule from '../../../src/rules/context/dockerignore-missing.js';
import { contextRuleTester } from '../../helpers/context-tester.js';

contextRuleTester(rule, {
  valid: [
    { name: 'a .dockerignore exists', files: { Dockerfile: 'FROM alpine\nCOPY . /app\n', '.dockerignore': '.git\n' } },
    { name: 'an empty .dockerignore still counts', files: { Dockerfile: 'FROM alpine\nCOPY . /app\n', '.dockerignore': '' } },
    { name: 'only named files are copied', files: { Dockerfile: 'FROM alpine\nCOPY app.sh /app/\n', 'app.sh': '' } },
    { name: 'a Dockerfile-specific ignore file', files: { Dockerfile: 'FROM alpine\nCOPY . /app\n', 'Dockerfile.dockerignore': '.git\n' } },
    { name: 'COPY --from', files: { Dockerfile: 'FROM alpine AS a\nFROM alpine\nCOPY --from=a . /app\n' } },
    { name: 'a subdirectory', files: { Dockerfile: 'FROM alpine\nCOPY src/ /app\n', 'src/a': '' } },
  ],
  invalid: [
    {
      name: 'COPY . . with junk and a secret: the fix creates the file',
      files: { Dockerfile: 'FROM node:20\nWORKDIR /app\nCOPY . .\nRUN npm ci\n', '.git/HEAD': 'x', 'node_modules/a/index.js': '', '.env': 'A=1\n', 'package.json': '{}' },
      errors: [{ line: 3, column: 6, endLine: 3, endColumn: 7, message: 'COPY . copies the whole build context and there is no .dockerignore' }],
      output: '.env\n.git\nnode_modules\n',
    },
    {
      // Written as a line, `src\nx/.env` would be two patterns, and `src` would exclude the sources.
      name: 'a secret no line can name is left out of the created file',
      files: { Dockerfile: 'FROM alpine\nCOPY . /app\n', 'src/main.js': '', 'src\nx/.env': 'A=1\n', '.env': 'A=1\n' },
      errors: [{ line: 2, column: 6, endLine: 2, endColumn: 7, message: 'COPY . copies the whole build context and there is no .dockerignore' }],
      output: '.env\n',
    },
    {
      name: 'what a bind mount needs is left out of the created file',
      files: { Dockerfile: 'FROM node:20\nRUN --mount=type=bind,source=.npmrc,target=/root/.npmrc --mount=type=bind,source=.git,target=/s/.git npm ci\nCOPY . .\n', '.git/HEAD': 'x', '.npmrc': '//registry.npmjs.org/:_authToken=npm_abc123\n', '.env': 'A=1\n' },
      errors: [{ line: 3, column: 6, endLine: 3, endColumn: 7, message: 'COPY . copies the whole build context and there is no .dockerignore' }],
      output: '.env\n',
    },
    {
      name: 'what another Dockerfile of the directory needs is left out of the created file',
      files: { Dockerfile: 'FROM alpine\nCOPY . /app\n', 'Dockerfile.version': 'FROM alpine\nCOPY . .\nRUN git describe --tags > /version\n', '.git/HEAD': 'x', '.env': 'A=1\n' },
      errors: [{ line: 2, column: 6, endLine: 2, endColumn: 7, message: 'COPY . copies the whole build context and there is no .dockerignore' }],
      output: '.env\n',
    },
    {
      name: 'ADD . /app, JSON form, nothing to suggest: no fix',
      files: { Dockerfile: 'FROM alpine\nADD [".", "/app"]\n', 'run.sh': '' },
      errors: [{ line: 2, column: 6, endColumn: 9, message: 'ADD . copies the whole build context' }],
      output: '',
    },
    {
      name: './ and * count as the whole context',
      files: { Dockerfile: 'FROM alpine\nCOPY ./ /app/\n', 'run.sh': '' },
      errors: [{ line: 2, column: 6, endColumn: 8 }],
    },
    {
      name: 'a .dockerignore at the context root of another Dockerfile directory does not count',
      dockerfile: 'svc/Dockerfile',
      files: { 'svc/Dockerfile': 'FROM alpine\nCOPY * /app/\n', 'svc/run.sh': '', '.dockerignore': '.git\n' },
      errors: [{ file: 'svc/Dockerfile', line: 2, column: 6, endColumn: 7, message: 'Create svc/.dockerignore' }],
    },
  ],
});
