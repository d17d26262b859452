import { expect, it } from 'vitest';
import rule from '../../../src/rules/image/secret-value.js';
import { imageFindings, imageRuleTester } from '../../helpers/image-tester.js';

// Fake credentials, split so that secret scanners do not flag this file.
const GH = 'ghp_' + 'R8vJm2Qx7LpT4nWc9ZbK1sYd6FhA3uGe0XiO';
const AWS = 'AKIA' + 'Z7QW3RT5YU8IOPLK';
const NPM = 'npm_' + 'a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8';
const KEY = '-----BEGIN RSA ' + 'PRIVATE KEY-----\nMIIEowIBAAKCAQEAu1SU1LfVLPHCozMxH2Mo4lgOEePzNm0tRgeLezV6ffAt0gunVTLw7onLRnrq0\n-----END RSA PRIVATE KEY-----\n';
const RANDOM = 'f8Kq2vX9mZ4pL7wR3tY6';

const env = (...e: string[]) => ({ config: { Env: e }, layers: [{ files: [] }] });

imageRuleTester(rule, {
  valid: [
    { name: 'ordinary env', spec: env('PATH=/usr/local/bin:/usr/bin', 'NODE_VERSION=20.11.1', 'GITHUB_TOKEN_FILE=/run/secrets/gh') },
    { name: "AWS's documentation key", spec: env('AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE') },
    { name: 'a public browser key', spec: env('NEXT_PUBLIC_FIREBASE_API_KEY=AIza' + 'SyD3x7Kq2vX9mZ4pL7wR3tY6uI8oP0aS1dF') },
    { name: 'word-like password (secret-name territory)', spec: env('DB_PASSWORD=postgres') },
    { name: 'GPG key fingerprint', spec: env('GPG_KEY=A035C8C19219BA821ECEA86B64E628F8D684696D') },
    {
      name: 'code that only tests for the PEM marker',
      spec: { layers: [{ files: [{ path: '/app/lib/pem.js', content: "if (s.startsWith('-----BEGIN RSA " + "PRIVATE KEY-----')) parse(s);\n" }] }] },
    },
    {
      name: 'a certificate is public',
      spec: { layers: [{ files: [{ path: '/app/tls/server.pem', content: '-----BEGIN CERTIFICATE-----\nMIIDdzCCAl+gAwIBAgIEAgAAuTANBgkqhkiG9w0BAQUFADBaMQswCQYDVQQGEwJJRTES\n-----END CERTIFICATE-----\n' }] }] },
    },
  ],
  invalid: [
    {
      name: 'GitHub token in ENV',
      spec: env('PATH=/usr/bin', `GITHUB_TOKEN=${GH}`),
      errors: [{ field: 'config.Env', message: ['ENV GITHUB_TOKEN', 'GitHub token', 'ghp_*** (40 characters)'] }],
    },
    {
      name: 'build arg recorded in RUN history',
      spec: { layers: [{ files: [] }, { createdBy: `|2 NPM_TOKEN=${NPM} NODE_ENV=production /bin/sh -c npm ci`, files: [] }] },
      errors: [{ layer: 1, field: 'history[1].created_by', message: ['build arg NPM_TOKEN', 'npm token', 'npm_***'] }],
    },
    {
      name: 'ARG default in BuildKit history (empty layer)',
      spec: { history: [{ created_by: 'COPY app /app # buildkit' }, { created_by: `ARG AWS_KEY_ID=${AWS}`, empty_layer: true }], layers: [{ files: [] }] },
      errors: [{ field: 'history[1].created_by', message: ['ARG AWS_KEY_ID', 'AWS access key id', 'AKIA***'] }],
    },
    {
      name: 'token inside a RUN script',
      spec: { layers: [{ createdBy: `/bin/sh -c git clone https://x:${GH}@github.com/acme/app.git`, files: [] }] },
      errors: [{ layer: 0, field: 'history[0].created_by', message: ['The RUN step', 'GitHub token'] }],
    },
    {
      name: 'private key file',
      spec: { layers: [{ files: [] }, { files: [{ path: '/app/keys/deploy.key', content: KEY, mode: 0o600 }] }] },
      errors: [{ layer: 1, path: '/app/keys/deploy.key', message: ['RSA private key', 'content not shown'] }],
    },
    {
      name: 'a key file deleted by a later layer still ships in its layer',
      spec: { layers: [{ files: [{ path: '/root/.ssh/id_rsa', content: KEY, mode: 0o600 }] }, { files: [{ path: '/root/.ssh/id_rsa', type: 'whiteout' }] }] },
      errors: [{ layer: 0, path: '/root/.ssh/id_rsa', message: ['held a credential (RSA private key: content not shown)', 'a later layer deletes or replaces'] }],
    },
    {
      name: 'a token file overwritten later still ships in its layer',
      spec: { layers: [{ files: [{ path: '/app/.npmrc', content: `//registry.npmjs.org/:_authToken=${NPM}\n` }] }, { files: [{ path: '/app/.npmrc', content: 'registry=https://registry.npmjs.org/\n' }] }] },
      errors: [{ layer: 0, path: '/app/.npmrc', message: 'npm token' }],
    },
    {
      name: 'token in a config file',
      spec: { layers: [{ files: [{ path: '/srv/config/settings.yml', content: `slack:\n  token: xoxb-${'1234567890'}-abcdefghijkl\n` }] }] },
      errors: [{ layer: 0, path: '/srv/config/settings.yml', message: 'Slack token' }],
    },
    {
      name: 'random value under a secret name',
      spec: env(`API_SECRET=${RANDOM}`),
      errors: [{ field: 'config.Env', message: ['ENV API_SECRET', 'random-looking secret'] }],
    },
    {
      name: 'the same token in config and history is reported once',
      spec: { config: { Env: [`GITHUB_TOKEN=${GH}`] }, history: [{ created_by: `ENV GITHUB_TOKEN=${GH}`, empty_layer: true }, { created_by: 'COPY . / # buildkit' }], layers: [{ files: [] }] },
      errors: [{ field: 'config.Env' }],
    },
  ],
});

it('never prints the secret value', () => {
  const spec = {
    config: { Env: [`GITHUB_TOKEN=${GH}`, `API_SECRET=${RANDOM}`] },
    layers: [{ createdBy: `|1 NPM_TOKEN=${NPM} /bin/sh -c npm ci`, files: [{ path: '/app/id.key', content: KEY }] }],
  };
  const found = imageFindings(rule, { spec });
  expect(found).toHaveLength(4);
  for (const f of found) {
    for (const secret of [GH, RANDOM, NPM, 'MIIEowIBAAKCAQEAu1SU']) expect(f.message).not.toContain(secret);
  }
});
