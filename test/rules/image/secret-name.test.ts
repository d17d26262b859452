import rule from '../../../src/rules/image/secret-name.js';
import { imageRuleTester } from '../../helpers/image-tester.js';

const GH = 'ghp_' + 'R8vJm2Qx7LpT4nWc9ZbK1sYd6FhA3uGe0XiO';
const env = (...e: string[]) => ({ config: { Env: e }, layers: [{ files: [] }] });
const files = (...paths: string[]) => ({ layers: [{ files: paths.map((path) => ({ path, size: 100 })) }] });
const CERT = `-----BEGIN CERTIFICATE-----\n${'MIIB'.repeat(16)}\n-----END CERTIFICATE-----\n`;
/** About 300 KB of certificates, the size of conda's CA bundle: over the 64 KiB other candidates are kept to. */
const BUNDLE = CERT.repeat(2500);
const KEY = '-----BEGIN RSA PRIVATE KEY-----\nMIIE\n-----END RSA PRIVATE KEY-----\n';

imageRuleTester(rule, {
  valid: [
    { name: 'words that only contain KEY or PASS', spec: env('KEYCLOAK_VERSION=24.0', 'PASSWORD_MIN_LENGTH=12', 'BYPASS_CACHE=1') },
    { name: 'paths, references and placeholders', spec: env('DB_PASSWORD_FILE=/run/secrets/db', 'API_TOKEN=', 'SECRET_KEY=changeme', 'ADMIN_PASSWORD=${ADMIN_PASSWORD}') },
    { name: 'GPG and public keys', spec: env('GPG_KEY=A035C8C19219BA821ECEA86B64E628F8D684696D', 'NODE_PGP_KEY=4ED778F539E3634C779C87C6D7062848A1AB005C', 'JWT_PUBLIC_KEY=MIIBIjANBgkq') },
    { name: 'accept-keys option', options: { 'accept-keys': ['app_token'] }, spec: env('APP_TOKEN=abc-def-ghi') },
    { name: 'high-confidence secrets are secret-value\'s', spec: env(`GITHUB_TOKEN=${GH}`) },
    { name: 'public keys, templates and package trees', spec: files('/root/.ssh/id_rsa.pub', '/app/.env.example', '/usr/lib/python3/dist-packages/certifi/cacert.pem', '/app/node_modules/x/test/id_rsa') },
    { name: 'accept-files by base name and folder', options: { 'accept-files': ['.env', '/opt/certs'] }, spec: files('/app/.env', '/opt/certs/client.pem') },
    { name: 'accept-extensions', options: { 'accept-extensions': ['pem'] }, spec: files('/app/tls/client.pem') },
    {
      name: 'captured contents clear a certificate and a token-less .npmrc',
      spec: { layers: [{ files: [{ path: '/app/ca.pem', content: '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n' }, { path: '/root/.npmrc', content: 'registry=https://registry.npmjs.org/\n' }] }] },
    },
    { name: 'a CA bundle over 64 KiB holding only certificates', spec: { layers: [{ files: [{ path: '/opt/conda/ssl/cacert.pem', content: BUNDLE }] }] } },
    { name: 'deleted in a later layer', spec: { layers: [{ files: [{ path: '/app/.env', content: 'A=b\n' }] }, { files: [{ path: '/app/.env', type: 'whiteout' }] }] } },
  ],
  invalid: [
    {
      name: 'a private key after the certificates of a large bundle, and a bundle over the 1 MiB capture cap',
      spec: { layers: [{ files: [{ path: '/app/tls/server.pem', content: BUNDLE + KEY }, { path: '/app/tls/huge.pem', content: BUNDLE.repeat(4) }] }] },
      errors: [
        { path: '/app/tls/huge.pem', layer: 0, message: '/app/tls/huge.pem looks like a credential file (.pem file)' },
        { path: '/app/tls/server.pem', layer: 0, message: '/app/tls/server.pem looks like a credential file (.pem file)' },
      ],
    },
    {
      name: 'secret-looking ENV with a value',
      spec: env('PATH=/usr/bin', 'DB_PASSWORD=hunter2-prod', 'awsSecretAccessKey=abc/def+ghi'),
      errors: [
        { field: 'config.Env', message: 'ENV DB_PASSWORD' },
        { field: 'config.Env', message: 'ENV awsSecretAccessKey' },
      ],
    },
    {
      name: 'build arg and ARG in history (ENV still in config reported once)',
      spec: {
        config: { Env: ['SESSION_SECRET=not-so-secret'] },
        history: [{ created_by: 'ENV SESSION_SECRET=not-so-secret', empty_layer: true }, { created_by: 'ARG DEPLOY_TOKEN=abc123', empty_layer: true }, { created_by: '|1 DEPLOY_TOKEN=abc123 /bin/sh -c ./deploy.sh' }],
        layers: [{ files: [] }],
      },
      errors: [
        { field: 'config.Env', message: 'ENV SESSION_SECRET' },
        { field: 'history[1].created_by', message: 'ARG DEPLOY_TOKEN recorded in history[1].created_by' },
      ],
    },
    {
      name: 'credential-looking files',
      spec: { layers: [{ files: [{ path: '/root/.ssh/id_ed25519', size: 400 }] }, { files: [{ path: '/app/.env', content: 'DEBUG=1\n' }, { path: '/app/.env.production', content: 'X=1\n' }, { path: '/app/config/credentials.json', content: '{}' }, { path: '/etc/app/client.p12', size: 2000 }] }] },
      errors: [
        { layer: 0, path: '/root/.ssh/id_ed25519', message: 'looks like a credential file (SSH private key)' },
        { layer: 1, path: '/app/.env', message: 'environment file' },
        { layer: 1, path: '/app/.env.production', message: 'environment file' },
        { layer: 1, path: '/app/config/credentials.json', message: 'credentials file' },
        { layer: 1, path: '/etc/app/client.p12', message: '.p12 file' },
      ],
    },
    {
      name: 'an .npmrc with a token line',
      spec: { layers: [{ files: [{ path: '/home/app/.npmrc', content: '//registry.npmjs.org/:_authToken=${NPM_TOKEN}\n' }] }] },
      errors: [{ layer: 0, path: '/home/app/.npmrc', message: 'credentials file' }],
    },
  ],
});
