import { describe, expect, it } from 'vitest';
import rule from '../../../src/rules/context/unneeded-files-in-context.js';
import { contextRuleTester, runContextRule, type Tree } from '../../helpers/context-tester.js';

const NODE = 'FROM node:20-slim\nWORKDIR /app\nCOPY . .\nRUN npm ci --omit=dev\n';

contextRuleTester(rule, {
  valid: [
    { name: 'excluded', files: { Dockerfile: NODE, '.dockerignore': 'node_modules\n.git\n', 'node_modules/a/x.js': '', '.git/HEAD': '' } },
    { name: 'node_modules is needed when the image does not install', files: { Dockerfile: 'FROM node:20-slim\nCOPY . .\nCMD ["node", "x.js"]\n', '.dockerignore': '', 'node_modules/a/x.js': '' } },
    { name: 'copied by name on purpose', files: { Dockerfile: 'FROM node:20-slim\nCOPY node_modules ./node_modules\nRUN npm ci\n', 'node_modules/a/x.js': '' } },
    { name: 'not copied', files: { Dockerfile: 'FROM node:20-slim\nCOPY package.json .\nRUN npm ci\n', 'package.json': '{}', 'node_modules/a/x.js': '' } },
    { name: 'dist is needed when the image does not build it', files: { Dockerfile: 'FROM nginx\nCOPY . /usr/share/nginx/html\n', 'dist/index.html': '' } },
    { name: 'the image uses git', files: { Dockerfile: 'FROM alpine\nCOPY . /src\nRUN git -C /src describe --tags > /version\n', '.git/HEAD': '' } },
    { name: 'a bind mount of .git uses it (git runs in the mount)', files: { Dockerfile: 'FROM alpine\nCOPY . .\nRUN --mount=type=bind,source=.git,target=/src/.git make build\n', Makefile: 'build:\n\tgit describe\n', '.git/HEAD': '' } },
    { name: 'a bind mount of something inside node_modules needs it', files: { Dockerfile: NODE + 'RUN --mount=type=bind,source=node_modules/.bin/tool,target=/t /t\n', 'node_modules/.bin/tool': '' } },
    { name: 'an empty excluded-by-default folder is not there', files: { Dockerfile: NODE, 'src/a.js': '' } },
    { name: 'dist inside node_modules is part of a package', files: { Dockerfile: 'FROM node:20\nCOPY . .\nRUN npm run build\n', 'node_modules/x/dist/a.js': '' } },
  ],
  invalid: [
    {
      name: 'node_modules and .git with COPY . .',
      files: { Dockerfile: NODE, '.dockerignore': '*.log\n', 'node_modules/express/index.js': '', '.git/HEAD': 'ref\n', 'server.js': '' },
      errors: [
        { line: 3, column: 6, endColumn: 7, message: 'Git metadata (.git) is sent to the builder and copied into the image by this COPY, but no RUN step uses git' },
        { line: 3, column: 6, endColumn: 7, message: 'Installed Node.js packages (node_modules) are sent to the builder and copied into the image by this COPY, but the image installs its own (`npm ci --omit=dev`); add `node_modules` to .dockerignore.' },
      ],
      output: '*.log\n.git\nnode_modules\n',
    },
    {
      name: 'a bind mount of another directory, or of the whole context, does not need .git',
      files: { Dockerfile: 'FROM alpine\nCOPY . /app\nRUN --mount=type=bind,source=src,target=/s --mount=type=bind,target=/ctx make\n', 'src/a.c': '', '.git/HEAD': '' },
      errors: [{ line: 2, column: 6, endColumn: 7, message: 'Git metadata (.git) is sent to the builder and copied into the image by this COPY, but no RUN step uses git' }],
      output: '.git\n',
    },
    {
      name: 'nested __pycache__ and .venv, grouped, with ** patterns',
      files: {
        Dockerfile: 'FROM python:3.12\nCOPY app/ /app/\nCOPY . /src\n',
        '.dockerignore': '__pycache__\n',
        'app/__pycache__/a.pyc': '',
        'app/sub/__pycache__/b.pyc': '',
        'lib/__pycache__/c.pyc': '',
        '.venv/bin/python': '',
      },
      errors: [
        { line: 2, column: 6, endColumn: 10, message: 'Python bytecode caches (app/__pycache__, app/sub/__pycache__, lib/__pycache__) are sent' },
        { line: 3, column: 6, endColumn: 7, message: 'Local Python virtual environments (.venv) are sent' },
      ],
      output: '__pycache__\n**/__pycache__\n.venv\n',
    },
    {
      name: 'target rebuilt by cargo, coverage and editor folders',
      files: { Dockerfile: 'FROM rust:1.80\nCOPY . .\nRUN cargo build --release\n', 'target/release/app': '', 'coverage/lcov.info': '', '.idea/workspace.xml': '', 'src/main.rs': '' },
      errors: [
        { line: 2, column: 6, message: 'Editor settings (.idea)' },
        { line: 2, column: 6, message: 'Test coverage reports (coverage)' },
        { line: 2, column: 6, message: 'Build output (target) is sent to the builder and copied into the image by this COPY, but the image builds it (`cargo build --release`)' },
      ],
    },
  ],
});

describe('a .dockerignore shared with other Dockerfiles of the directory', () => {
  const GIT: Tree = { Dockerfile: 'FROM alpine\nCOPY . /app\n', '.git/HEAD': '', 'main.sh': '' };
  const VERSION = 'FROM alpine\nCOPY . .\nRUN git describe --tags > /version\n';
  it.each<{ name: string; files: Tree; fix: string[] }>([
    { name: 'a sibling copies .git and runs git', files: { ...GIT, 'Dockerfile.version': VERSION }, fix: ['unsafe', 'Add .git to .dockerignore (Dockerfile.version reads it too and needs the path)'] },
    { name: 'a sibling bind-mounts .git', files: { ...GIT, 'build.Dockerfile': 'FROM alpine\nRUN --mount=type=bind,source=.git,target=/g true\n' }, fix: ['unsafe', 'Add .git to .dockerignore (build.Dockerfile reads it too and needs the path)'] },
    { name: 'a sibling copies node_modules and does not install its own', files: { Dockerfile: 'FROM node:20\nCOPY . .\nRUN npm ci\n', 'node_modules/a/x.js': '', 'Dockerfile.prebuilt': 'FROM node:20\nCOPY . .\n' }, fix: ['unsafe', 'Add node_modules to .dockerignore (Dockerfile.prebuilt reads it too and needs the path)'] },
    { name: 'a sibling with its own ignore file', files: { ...GIT, 'Dockerfile.version': VERSION, 'Dockerfile.version.dockerignore': '' }, fix: ['safe', 'Add .git to .dockerignore'] },
    { name: 'a sibling that runs git but does not copy .git', files: { ...GIT, 'Dockerfile.version': 'FROM alpine\nCOPY main.sh .\nRUN git --version\n' }, fix: ['safe', 'Add .git to .dockerignore'] },
    { name: 'a sibling that copies .git without using it', files: { ...GIT, 'Dockerfile.dev': 'FROM alpine\nCOPY . .\n' }, fix: ['safe', 'Add .git to .dockerignore'] },
  ])('$name', ({ files, fix }) => {
    const { findings } = runContextRule(rule, { files });
    expect(findings.map((f) => [f.fix?.applicability, f.fix?.title])).toEqual([fix]);
  });
});

// Files a `!` exception re-includes are sent on purpose: a safe fix must not exclude them again,
// and a line BuildKit would not apply to them (an earlier line already excluded their directory,
// so it skips later patterns there) is no fix at all.
describe('junk a ! exception re-includes', () => {
  it('.vscode/* with !.vscode/settings.json: the fix is unsafe', () => {
    const files: Tree = { Dockerfile: NODE, '.dockerignore': '.vscode/*\n!.vscode/settings.json\n', '.vscode/settings.json': '{}', '.vscode/x.json': '{}' };
    const { findings } = runContextRule(rule, { files });
    expect(findings.map((f) => [f.fix?.applicability, f.fix?.title])).toEqual([['unsafe', 'Add .vscode to .dockerignore (it excludes again what a ! exception there re-includes)']]);
  });
  it('node_modules with !node_modules/native: appending node_modules again would not exclude it, so no fix', () => {
    const files: Tree = { Dockerfile: NODE, '.dockerignore': 'node_modules\n!node_modules/native\n', 'node_modules/native/a.js': '', 'node_modules/other/b.js': '' };
    const { findings } = runContextRule(rule, { files });
    expect(findings.map((f) => [f.ruleName, !!f.fix])).toEqual([['unneeded-files-in-context', false]]);
  });
});
