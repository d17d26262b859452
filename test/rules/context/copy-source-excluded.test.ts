import rule from '../../../src/rules/context/copy-source-excluded.js';
import { contextRuleTester } from '../../helpers/context-tester.js';

contextRuleTester(rule, {
  valid: [
    { name: 'not excluded', files: { Dockerfile: 'FROM nginx\nCOPY nginx.conf /etc/nginx/\n', '.dockerignore': '*.md\n', 'nginx.conf': '' } },
    { name: 're-included by an exception', files: { Dockerfile: 'FROM nginx\nCOPY nginx.conf /etc/nginx/\n', '.dockerignore': '*.conf\n!nginx.conf\n', 'nginx.conf': '' } },
    { name: 'a directory with re-included files is sent in part', files: { Dockerfile: 'FROM nginx\nCOPY conf /etc/nginx/\n', '.dockerignore': 'conf\n!conf/nginx.conf\n', 'conf/nginx.conf': '', 'conf/dev.conf': '' } },
    { name: 'a wildcard that still matches a sent file', files: { Dockerfile: 'FROM alpine\nCOPY *.txt /x/\n', '.dockerignore': 'secret.txt\n', 'secret.txt': '', 'a.txt': '' } },
    { name: 'patterns are anchored at the root', files: { Dockerfile: 'FROM alpine\nCOPY src/build /x/\n', '.dockerignore': 'build\n', 'src/build/a': '' } },
    { name: 'the whole context', files: { Dockerfile: 'FROM alpine\nCOPY . /x/\n', '.dockerignore': '*\n', 'a': '' } },
    { name: 'COPY --from', files: { Dockerfile: 'FROM alpine AS b\nFROM alpine\nCOPY --from=b /dist /x/\n', '.dockerignore': 'dist\n', 'dist/a': '' } },
    { name: 'the walk quirk: the last "a" is skipped at the parent, so a/b is sent', files: { Dockerfile: 'FROM alpine\nCOPY a/b /x\n', '.dockerignore': 'a\n!a/b\na\n', 'a/b': '' } },
    { name: 'built from another context (no source exists here)', files: { Dockerfile: 'FROM alpine\nCOPY app/ /x\nCOPY dist/ /y\n', '.dockerignore': 'dist\n' } },
  ],
  invalid: [
    {
      name: 'a file excluded by a wildcard pattern',
      files: { Dockerfile: 'FROM nginx\nCOPY nginx.conf /etc/nginx/nginx.conf\n', '.dockerignore': '# configs\n*.conf\n', 'nginx.conf': '' },
      errors: [{ line: 2, column: 6, endColumn: 16, message: 'COPY source "nginx.conf" is excluded by .dockerignore:2 (`*.conf`): the builder never receives it, so the build fails with "not found". Remove the pattern or add `!nginx.conf` after it.' }],
      output: '# configs\n*.conf\n!nginx.conf\n',
    },
    {
      name: 'inside an excluded directory; the deciding pattern is the last one',
      files: { Dockerfile: 'FROM alpine\nCOPY ["./build/app.jar", "/app.jar"]\n', '.dockerignore': 'build\n!build\nbuild/\n', 'build/app.jar': '' },
      errors: [{ line: 2, column: 7, endColumn: 24, message: 'is excluded by .dockerignore:3 (`build/`)' }],
    },
    {
      name: 'excluded even though it does not exist yet (built before docker build)',
      files: { Dockerfile: 'FROM alpine\nCOPY app.sh /x\nCOPY dist/ /srv/\n', '.dockerignore': 'dist\n', 'app.sh': '' },
      errors: [{ line: 3, column: 6, endColumn: 11, message: 'excluded by .dockerignore:1 (`dist`)' }],
    },
    {
      name: 'a wildcard whose every match is excluded',
      files: { Dockerfile: 'FROM alpine\nCOPY run.sh /\nCOPY *.md /docs/\n', '.dockerignore': '*.md\n!run.sh\n', 'README.md': '', 'CHANGES.md': '', 'run.sh': '' },
      errors: [{ line: 3, column: 6, endColumn: 10, message: 'matches only files excluded by .dockerignore:1 (`*.md`), e.g. CHANGES.md: it copies nothing' }],
      output: '*.md\n!run.sh\n!*.md\n',
    },
    {
      name: 'the Dockerfile-specific ignore file decides, and the Dockerfile is still excluded for COPY',
      dockerfile: 'docker/web.Dockerfile',
      context: '.',
      files: { 'docker/web.Dockerfile': 'FROM alpine\nCOPY docker/web.Dockerfile /x\nCOPY src /src\n', 'docker/web.Dockerfile.dockerignore': 'docker\n', '.dockerignore': 'src\n', 'src/a': '' },
      errors: [{ file: 'docker/web.Dockerfile', line: 2, column: 6, message: 'excluded by docker/web.Dockerfile.dockerignore:1 (`docker`)' }],
    },
    {
      name: 'a bind mount of an excluded file',
      files: { Dockerfile: 'FROM node:20\nRUN --mount=type=bind,src=package.json,target=package.json npm ci\n', '.dockerignore': '*.json\n', 'package.json': '{}' },
      errors: [{ line: 2, column: 27, endColumn: 39, message: 'RUN --mount source "package.json" is excluded by .dockerignore:1 (`*.json`)' }],
    },
    {
      // Docker trims the line: `!notes` would re-include another file, not "notes " (no fix then).
      name: 'a source whose name ends with a space',
      files: { Dockerfile: 'FROM alpine\nCOPY ["notes ", "/x/"]\n', '.dockerignore': 'notes*\n', 'notes ': '' },
      errors: [{ line: 2, column: 7, message: 'excluded by .dockerignore:1 (`notes*`)' }],
      output: 'notes*\n',
    },
    {
      name: 'a symlink to an excluded file',
      files: { Dockerfile: 'FROM alpine\nCOPY current /x\n', '.dockerignore': 'releases\n', 'releases/v1': '', current: { symlink: 'releases/v1' } },
      errors: [{ line: 2, column: 6, message: 'excluded by .dockerignore:1 (`releases`)' }],
    },
  ],
});
