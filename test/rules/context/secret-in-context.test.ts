import { describe, expect, it } from 'vitest';
import rule from '../../../src/rules/context/secret-in-context.js';
import { contextRuleTester, runContextRule } from '../../helpers/context-tester.js';

const KEY = '-----BEGIN RSA PRIVATE KEY-----\nMIIEpAIBAAKCAQEA\n-----END RSA PRIVATE KEY-----\n';
const CERT = '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n';
const df = (body: string) => `FROM alpine:3.20\nWORKDIR /app\n${body}`;

contextRuleTester(rule, {
  valid: [
    { name: 'excluded by .dockerignore', files: { Dockerfile: df('COPY . .\n'), '.dockerignore': '.env\n', '.env': 'A=1\n', 'app.sh': '' } },
    { name: 'sent but not copied', files: { Dockerfile: df('COPY app.sh .\n'), '.env': 'A=1\n', 'app.sh': '' } },
    { name: 'templates are not secrets', files: { Dockerfile: df('COPY . .\n'), '.env.example': 'A=\n', '.env.sample': 'A=\n' } },
    { name: 'a certificate is not a private key', files: { Dockerfile: df('COPY . .\n'), 'tls/server.pem': CERT } },
    { name: '.npmrc reading the token from the environment', files: { Dockerfile: df('COPY . .\n'), '.npmrc': '//registry.npmjs.org/:_authToken=${NPM_TOKEN}\n' } },
    { name: '.npmrc without credentials', files: { Dockerfile: df('COPY . .\n'), '.npmrc': 'save-exact=true\n' } },
    { name: 'excluded directory with a re-included file', files: { Dockerfile: df('COPY . .\n'), '.dockerignore': '.aws\n!.aws/README\n', '.aws/credentials': '[default]\n', '.aws/README': '' } },
    { name: 'COPY --from does not read the context', files: { Dockerfile: 'FROM alpine AS a\nCOPY --from=a /.env /x\n', '.env': 'A=1\n' } },
    { name: '--exclude leaves it out', files: { Dockerfile: df('COPY --exclude=.env . .\n'), '.env': 'A=1\n' } },
    { name: 'a symlink to a secret outside a copied directory is copied as a link', files: { Dockerfile: df('COPY conf/ /etc/app/\n'), 'conf/a.yml': '', 'conf/env': { symlink: '../.env' }, '.env': 'A=1\n' } },
    { name: 'a bind mount reads it during one RUN without copying it', files: { Dockerfile: df('RUN --mount=type=bind,source=.env,target=/run/.env . /run/.env && make\n'), '.env': 'A=1\n' } },
    { name: 'inside node_modules', files: { Dockerfile: df('COPY . .\n'), '.dockerignore': '.git\n', 'node_modules/pkg/.env': 'A=1\n' } },
  ],
  invalid: [
    {
      name: 'COPY . . takes .env (no .dockerignore): fix creates it',
      files: { Dockerfile: df('COPY . .\n'), '.env': 'A=1\n', 'app.sh': '' },
      errors: [{ line: 3, column: 6, endLine: 3, endColumn: 7, message: '.env (an environment file) is sent to the builder and copied into the image by this COPY; exclude it: add `.env` to .dockerignore.' }],
      output: '.env\n',
    },
    {
      name: 'several secrets, nested, keeping CRLF and comments',
      files: {
        Dockerfile: df('COPY src/ ./src/\nADD . /srv/\n'),
        '.dockerignore': '# build junk\r\nnode_modules\r\n',
        'src/config/.env.production': 'A=1\n',
        'deploy/id_rsa': 'x',
        'certs/key.pem': KEY,
        'infra/terraform.tfstate': '{}',
        '.aws/credentials': '[default]\n',
        '.npmrc': '//registry.npmjs.org/:_authToken=npm_abc123\n',
        '.git-credentials': 'https://bob:ghp_secret@github.com\n',
      },
      errors: [
        { line: 3, column: 6, endColumn: 10, message: 'src/config/.env.production (an environment file)' },
        { line: 4, column: 5, endColumn: 6, message: '.aws (AWS credentials and configuration)' },
        { line: 4, column: 5, message: '.git-credentials (git credentials)' },
        { line: 4, column: 5, message: '.npmrc (npm credentials)' },
        { line: 4, column: 5, message: 'certs/key.pem (a private key)' },
        { line: 4, column: 5, message: 'deploy/id_rsa (a private SSH key)' },
        { line: 4, column: 5, message: 'infra/terraform.tfstate (Terraform state' },
      ],
      output: '# build junk\r\nnode_modules\r\nsrc/config/.env.production\r\n.aws\r\n.git-credentials\r\n.npmrc\r\ncerts/key.pem\r\ndeploy/id_rsa\r\ninfra/terraform.tfstate\r\n',
    },
    {
      name: 'a bind mount needs it and COPY . . copies it: no fix (excluding it would break the mount), a secret mount instead',
      files: { Dockerfile: df('RUN --mount=type=bind,source=.npmrc,target=/root/.npmrc npm ci\nCOPY . .\n'), '.npmrc': '//registry.npmjs.org/:_authToken=npm_abc123\n' },
      errors: [{ line: 4, column: 6, endColumn: 7, message: '.npmrc (npm credentials) is sent to the builder and copied into the image by this COPY; the bind mount on line 3 needs it, so excluding it would break that step: mount it with --mount=type=secret there instead, then add `.npmrc` to .dockerignore.' }],
      output: '',
    },
    {
      name: 'a bind mount of something inside a secret directory needs the directory',
      files: { Dockerfile: df('COPY . .\nRUN --mount=type=bind,src=.aws/config,target=/root/.aws/config aws s3 ls\n'), '.aws/config': '[default]\n', '.aws/credentials': '[default]\n' },
      errors: [{ line: 3, column: 6, endColumn: 7, message: '.aws (AWS credentials and configuration) is sent to the builder and copied into the image by this COPY; the bind mount on line 4 needs it' }],
      output: '',
    },
    {
      name: 'a bind mount of the whole context or of another file needs nothing of it: fixed as usual',
      files: { Dockerfile: df('RUN --mount=type=bind,target=/src make -C /src\nRUN --mount=type=bind,source=.env.example,target=/e true\nCOPY . .\n'), '.env': 'A=1\n', '.env.example': 'A=\n' },
      errors: [{ line: 5, column: 6, endColumn: 7, message: '.env (an environment file) is sent to the builder and copied into the image by this COPY; exclude it: add `.env` to .dockerignore.' }],
      output: '.env\n',
    },
    {
      name: 'COPY --parents: ** reaches any depth and a matched directory takes its subtree',
      files: { Dockerfile: df('COPY --parents **/config ./\n'), 'svc/api/config/.env': 'A=1\n', 'config/app.yml': '' },
      errors: [{ line: 3, column: 16, endColumn: 25, message: 'svc/api/config/.env (an environment file) is sent to the builder and copied into the image by this COPY' }],
      output: 'svc/api/config/.env\n',
    },
    {
      name: 'copied by name: no fix, a build secret instead',
      files: { Dockerfile: df('COPY .env /app/.env\n'), '.env': 'A=1\n' },
      errors: [{ line: 3, column: 6, endColumn: 10, message: 'COPY copies .env (an environment file) into the image, where anyone with the image can read it; pass it as a build secret' }],
      output: '',
    },
    {
      name: 'also copied by name later: reported there, no fix (excluding it would break that COPY)',
      files: { Dockerfile: df('ADD . /app\nCOPY .env /app/.env\n'), '.env': 'A=1\n' },
      errors: [{ line: 4, column: 6, endColumn: 10, message: 'COPY copies .env (an environment file) into the image' }],
      output: '',
    },
    {
      name: 'an exception re-includes it; the appended line wins',
      files: { Dockerfile: df('COPY . .\n'), '.dockerignore': '.env*\n!.env.local', '.env.local': 'A=1\n' },
      errors: [{ line: 3, column: 6, message: '.env.local' }],
      output: '.env*\n!.env.local\n.env.local\n',
    },
    {
      name: 'a name with glob characters is escaped',
      files: { Dockerfile: df('COPY ["keys", "/keys"]\n'), 'keys/[prod].pem': KEY },
      errors: [{ line: 3, column: 7, endColumn: 13, message: 'add `keys/\\[prod\\].pem`' }],
      output: 'keys/\\[prod\\].pem\n',
    },
    {
      name: 'Dockerfile-specific ignore file in a nested directory',
      dockerfile: 'docker/api.Dockerfile',
      context: '.',
      files: { 'docker/api.Dockerfile': df('COPY . .\n'), 'docker/api.Dockerfile.dockerignore': 'node_modules\n', '.dockerignore': '.env\n', '.env': 'A=1\n' },
      errors: [{ file: 'docker/api.Dockerfile', line: 3, column: 6, message: 'add `.env` to docker/api.Dockerfile.dockerignore' }],
      output: 'node_modules\n.env\n',
    },
  ],
});

describe('a .dockerignore shared with other Dockerfiles of the directory', () => {
  it.each([
    { name: 'a sibling copies the secret by name', sibling: 'FROM alpine\nCOPY .env /app/.env\n', fix: ['unsafe', 'Add .env to .dockerignore (Dockerfile.dev reads it too and needs the path)'] },
    { name: 'a sibling bind-mounts it', sibling: 'FROM alpine\nRUN --mount=type=bind,source=.env,target=/e true\n', fix: ['unsafe', 'Add .env to .dockerignore (Dockerfile.dev reads it too and needs the path)'] },
    { name: 'a sibling copies it with the whole context', sibling: 'FROM alpine\nCOPY . /app\n', fix: ['safe', 'Add .env to .dockerignore'] },
  ])('$name', ({ sibling, fix }) => {
    const { findings } = runContextRule(rule, { files: { Dockerfile: df('COPY . .\n'), 'Dockerfile.dev': sibling, '.env': 'A=1\n' } });
    expect(findings.map((f) => [f.fix?.applicability, f.fix?.title])).toEqual([fix]);
  });
});

// A secret a `!` exception re-includes is sent on purpose (the app may read it): a safe fix must
// not exclude it again.
describe('a secret a ! exception re-includes', () => {
  it('.env* with !.env.production: the fix is unsafe', () => {
    const { findings } = runContextRule(rule, { files: { Dockerfile: df('COPY . .\n'), '.dockerignore': '.env*\n!.env.production\n', '.env.production': 'A=1\n' } });
    expect(findings.map((f) => [f.fix?.applicability, f.fix?.title])).toEqual([['unsafe', 'Add .env.production to .dockerignore (it excludes again what a ! exception there re-includes)']]);
  });
  it('.ssh/* with !.ssh/known_hosts: the fix for .ssh is unsafe', () => {
    const { findings } = runContextRule(rule, { files: { Dockerfile: df('COPY . .\n'), '.dockerignore': '.ssh/*\n!.ssh/known_hosts\n', '.ssh/known_hosts': 'h\n', '.ssh/id_rsa': KEY } });
    expect(findings.map((f) => [f.fix?.applicability, f.fix?.title])).toEqual([['unsafe', 'Add .ssh to .dockerignore (it excludes again what a ! exception there re-includes)']]);
  });
});

// The appended line must read back, one line trimmed as Docker reads it, as a pattern for the file.
describe('a secret whose path no ignore line can name', () => {
  it.each([
    // The line would split in two, and its first half (`src`) would exclude the source directory.
    { name: 'a directory name with a line break', path: 'src\nx/.env' },
    // Docker trims the line: `.env` would exclude another file and leave this one sent.
    { name: 'a name with a trailing space', path: '.env ' },
  ])('$name: reported, no fix', ({ path }) => {
    const { findings } = runContextRule(rule, { files: { Dockerfile: df('COPY . .\n'), 'src/main.js': '', [path]: 'A=1\n' } });
    expect(findings.map((f) => [f.ruleName, !!f.fix])).toEqual([['secret-in-context', false]]);
  });
});
