import rule from '../../../src/rules/dockerfile/secret-file-copied.js';
import { ruleTester } from '../../helpers/rule-tester.js';

ruleTester(rule, {
  valid: [
    'FROM node:20-slim\nCOPY package.json package-lock.json ./\n',
    { name: 'env templates', code: 'FROM node:20-slim\nCOPY .env.example .env.sample .env.template ./\n' },
    { name: 'certificates and CA bundles', code: 'FROM debian:12-slim\nCOPY certs/ca.pem certs/server-cert.pem /etc/ssl/app/\nCOPY corp-root.pem /usr/local/share/ca-certificates/corp-root.crt\n' },
    { name: 'repository signing key into a keyring', code: 'FROM debian:12-slim\nCOPY nodesource.key /usr/share/keyrings/nodesource.asc\n' },
    { name: 'key copied to a .pub destination', code: 'FROM debian:12-slim\nCOPY jenkins.io-2026.key /war/jenkins-key.pub\n' },
    { name: 'public key file', code: 'FROM debian:12-slim\nCOPY id_ed25519.pub /root/.ssh/authorized_keys\n' },
    { name: 'DH parameters are public', code: 'FROM nginx:1.27\nCOPY dhparam.pem /etc/nginx/dhparam.pem\n' },
    { name: 'heredoc source', code: 'FROM alpine:3.20\nCOPY <<EOF /app/.env\nLOG_LEVEL=info\nEOF\n' },
    { name: 'settings file with an .env suffix', code: 'FROM debian:12-slim\nCOPY library-scripts/meta.env /usr/local/etc/vscode-dev-containers/\n' },
    { name: 'remote source', code: 'FROM debian:12-slim\nADD https://example.com/.netrc-docs.html /tmp/\n' },
    { name: 'whole context (secret-in-context checks that)', code: 'FROM node:20-slim\nCOPY . .\n' },
  ],
  invalid: [
    {
      name: 'ADD is named as ADD',
      code: 'FROM alpine:3.20\nADD id_rsa /root/.ssh/id_rsa\n',
      errors: [{ line: 2, column: 5, endColumn: 11, message: 'ADD puts id_rsa into the image, where anyone who pulls it can read it; mount it only where needed with RUN --mount=type=secret,id=id_rsa (or pass it at run time) and exclude it in .dockerignore.' }],
    },
    {
      name: 'ADD in a build stage',
      code: 'FROM alpine/git:2.45.2 AS src\nADD .netrc /root/.netrc\n\nFROM alpine:3.20\nCOPY --from=src /etc/os-release /tmp/\n',
      errors: [{ line: 2, column: 5, endColumn: 11, message: 'ADD puts .netrc into a build-stage layer' }],
    },
    {
      name: 'a file from another stage: no .dockerignore advice, since it is not in the build context',
      code: 'FROM node:20-slim AS build\nRUN echo x\n\nFROM node:20-slim\nCOPY --from=build /app/.env /app/.env\n',
      errors: [{ line: 5, column: 19, endColumn: 28, message: 'COPY puts /app/.env into the image, where anyone who pulls it can read it; mount it only where needed with RUN --mount=type=secret,id=env (or pass it at run time).' }],
    },
    {
      code: 'FROM node:20-slim\nCOPY .env /app/.env\n',
      errors: [{ line: 2, column: 6, endLine: 2, endColumn: 10, message: 'RUN --mount=type=secret,id=env' }],
    },
    {
      name: '.npmrc next to the manifests',
      code: 'FROM node:20-slim\nCOPY package.json package-lock.json .npmrc ./\n',
      errors: [{ line: 2, column: 37, endColumn: 43, message: 'id=npmrc' }],
    },
    {
      name: 'private key in a build stage (cache and exported layers keep it)',
      code: 'FROM alpine/git:2.45.2 AS src\nCOPY id_ed25519 /root/.ssh/id_ed25519\nRUN git clone git@github.com:org/private.git /src\n\nFROM node:20-slim\nCOPY --from=src /src /app\n',
      errors: [{ line: 2, column: 6, endColumn: 16, message: 'build-stage layer' }],
    },
    {
      name: 'folders and paths',
      code: 'FROM debian:12-slim\nCOPY .ssh /root/.ssh\nCOPY home/.aws/credentials /root/.aws/credentials\nADD config/.docker/config.json /root/.docker/\n',
      errors: [{ line: 2, column: 6, endColumn: 10 }, { line: 3, column: 6, endColumn: 27 }, { line: 4, column: 5, endColumn: 31 }],
    },
    {
      name: 'globs, TLS key, exec form (points inside the quotes)',
      code: 'FROM nginx:1.27\nCOPY .env* /app/\nCOPY ["certs/tls.key", "/etc/nginx/tls.key"]\n',
      errors: [{ line: 2, column: 6, endColumn: 11 }, { line: 3, column: 8, endColumn: 21, message: 'id=tls_key' }],
    },
    {
      name: 'second line of a continuation',
      code: 'FROM python:3.12-slim\nCOPY requirements.txt \\\n     .pypirc /root/\n',
      errors: [{ line: 3, column: 6, endColumn: 13 }],
    },
    {
      name: 'copied from another stage still ships',
      code: 'FROM debian:12-slim AS creds\nRUN true\nFROM debian:12-slim\nCOPY --from=creds /root/.git-credentials /root/\n',
      errors: [{ line: 4, column: 19, message: 'into the image' }],
    },
    {
      name: 'source from a variable',
      code: 'FROM node:20-slim\nARG ENV_FILE=.env.production\nCOPY ${ENV_FILE} /app/.env\n',
      errors: [{ line: 3, column: 6, endColumn: 17 }],
    },
    {
      name: 'ONBUILD trigger',
      code: 'FROM node:20-slim\nONBUILD COPY .netrc /root/.netrc\n',
      errors: [{ line: 2, column: 14, endColumn: 20 }],
    },
  ],
});
