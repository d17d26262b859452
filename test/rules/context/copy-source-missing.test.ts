import rule from '../../../src/rules/context/copy-source-missing.js';
import { contextRuleTester } from '../../helpers/context-tester.js';

contextRuleTester(rule, {
  valid: [
    { name: 'exists', files: { Dockerfile: 'FROM alpine\nCOPY app.sh /x\n', 'app.sh': '' } },
    { name: 'wildcards may match nothing (BuildKit accepts it)', files: { Dockerfile: 'FROM node\nCOPY package.json yarn.lock* ./\n', 'package.json': '{}' } },
    { name: 'excluded is another rule', files: { Dockerfile: 'FROM alpine\nCOPY app.sh /x\nCOPY dist /y\n', '.dockerignore': 'dist\n', 'app.sh': '' } },
    { name: 'unknown variables are not guessed', files: { Dockerfile: 'FROM alpine\nARG SRC\nCOPY app.sh /x\nCOPY $SRC /y\n', 'app.sh': '' } },
    { name: 'URLs and --from', files: { Dockerfile: 'FROM alpine AS a\nFROM alpine\nADD https://example.com/x.tgz /x\nCOPY --from=a /nope /y\nCOPY app.sh /z\n', 'app.sh': '' } },
    { name: 'a path outside the context is clamped to it', files: { Dockerfile: 'FROM alpine\nCOPY ../app.sh /x\n', 'app.sh': '' } },
    { name: 'a symlink to a directory inside the context', files: { Dockerfile: 'FROM alpine\nCOPY current/app.sh /x\n', 'v1/app.sh': '', current: { symlink: 'v1' } } },
    { name: 'an absolute symlink is read with the context as root', files: { Dockerfile: 'FROM alpine\nCOPY cfg /x\n', 'etc/app.conf': '', cfg: { symlink: '/etc/app.conf' } } },
    { name: 'heredoc sources are not files', files: { Dockerfile: 'FROM alpine\nCOPY <<EOF /x\nhello\nEOF\nCOPY app.sh /y\n', 'app.sh': '' } },
    { name: 'paths with spaces', files: { Dockerfile: 'FROM alpine\nCOPY ["my app/run me.sh", "/x"]\n', 'my app/run me.sh': '' } },
    { name: 'bind mounts from a stage, cache mounts', files: { Dockerfile: 'FROM alpine AS b\nFROM alpine\nCOPY app.sh /\nRUN --mount=type=bind,from=b,source=/x,target=/y --mount=type=cache,target=/c true\n', 'app.sh': '' } },
    { name: 'no plain source exists: built from another context (one notice instead)', files: { Dockerfile: 'FROM alpine\nCOPY src/ /app\nCOPY package.json /app\n' } },
  ],
  invalid: [
    {
      name: 'a typo, with a suggestion',
      files: { Dockerfile: 'FROM python:3.12\nCOPY requirements.txt .\nCOPY requirement.txt .\n', 'requirements.txt': '' },
      errors: [{ line: 3, column: 6, endColumn: 21, message: 'COPY source "requirement.txt" does not exist in the build context (.): the build fails with "not found". Did you mean "requirements.txt"?' }],
    },
    {
      name: 'case mismatch in a subdirectory; ARG default expanded',
      files: { Dockerfile: 'FROM alpine\nARG CONF=config/App.yaml\nCOPY config/base.yaml /x\nCOPY ${CONF} /y\n', 'config/app.yaml': '', 'config/base.yaml': '' },
      errors: [{ line: 4, column: 6, endColumn: 13, message: 'COPY source "${CONF}" does not exist in the build context (.): the build fails with "not found". Did you mean "config/app.yaml"?' }],
    },
    {
      name: 'a bind mount of a file that is not there',
      files: { Dockerfile: 'FROM python:3.12\nCOPY app.py .\nRUN --mount=type=bind,source=requirements.txt,target=/tmp/r.txt pip install -r /tmp/r.txt\n', 'app.py': '' },
      errors: [{ line: 3, column: 30, endColumn: 46, message: 'RUN --mount source "requirements.txt" does not exist in the build context' }],
    },
    {
      name: 'a dangling symlink; ADD',
      files: { Dockerfile: 'FROM alpine\nADD app.sh /x\nADD link /y\n', 'app.sh': '', link: { symlink: 'gone' } },
      errors: [{ line: 3, column: 5, endColumn: 9, message: 'ADD source "link" does not exist' }],
    },
  ],
});
