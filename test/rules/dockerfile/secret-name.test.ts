import rule from '../../../src/rules/dockerfile/secret-name.js';
import { ruleTester } from '../../helpers/rule-tester.js';

ruleTester(rule, {
  valid: [
    'FROM node:20\nARG NODE_ENV=production\nENV PORT=8080\n',
    { name: 'tokenizers is not a token', code: 'FROM python:3.12\nENV TOKENIZERS_PARALLELISM=false\n' },
    { name: 'public key fingerprint', code: 'FROM python:3.12\nENV GPG_KEY=A035C8C19219BA821ECEA86B64E628F8D684696D\n' },
    { name: 'path to a secret file is the right way', code: 'FROM postgres:16\nENV POSTGRES_PASSWORD_FILE=/run/secrets/db_password\n' },
    { name: 'value is a path to the secret', code: 'FROM selenium/standalone-chrome:4\nENV SE_HTTPS_PRIVATE_KEY="/opt/selenium/secrets/tls.key"\n' },
    { name: 'settings about a secret, named after it', code: 'FROM node:20\nENV SESSION_TOKEN_REFRESH=hourly PASSWORD_MAX_AGE=90d SECRETS_BACKEND=vault\nARG API_KEY_ROTATION=monthly\n' },
    { name: 'endpoint, not a credential', code: 'FROM node:20\nENV OAUTH_TOKEN_URL=https://auth.example.com/token\n' },
    { name: 'user names are not secrets (hadolint flags them)', code: 'FROM node:20\nARG USERNAME=app\n' },
    { name: 'secret mount is the fix', code: 'FROM node:20\nRUN --mount=type=secret,id=npm_token NPM_TOKEN=$(cat /run/secrets/npm_token) npm ci\n' },
  ],
  invalid: [
    {
      code: 'FROM node:20\nARG NPM_TOKEN\n',
      errors: [{ line: 2, column: 5, endLine: 2, endColumn: 14, message: 'ARG NPM_TOKEN looks like a secret' }],
    },
    {
      name: 'each secret key of an ENV, with values',
      code: 'FROM node:20\nENV PORT=80 DB_PASSWORD=hunter2 \\\n    STRIPE_API_KEY=sk_live_x\n',
      errors: [{ line: 2, column: 13, endColumn: 24, message: 'ENV DB_PASSWORD' }, { line: 3, column: 5, endColumn: 19 }],
    },
    {
      name: 'known name without a telltale word',
      code: 'FROM node:20\nARG AWS_ACCESS_KEY_ID\n',
      errors: [{ line: 2, column: 5, endColumn: 22 }],
    },
    {
      name: 'camelCase and glued words',
      code: 'FROM node:20\nARG githubToken\nARG DJANGO_SECRET_KEY=x\nENV SSH_PRIVATE_KEY=x\n',
      errors: [{ line: 2, column: 5 }, { line: 3, column: 5 }, { line: 4, column: 5 }],
    },
    {
      name: 'legacy ENV form',
      code: 'FROM node:20\nENV API_KEY abc123\n',
      errors: [{ line: 2, column: 5, endColumn: 12 }],
    },
    {
      name: 'ONBUILD trigger',
      code: 'FROM node:20\nONBUILD ARG GITHUB_TOKEN\n',
      errors: [{ line: 2, column: 13, endColumn: 25 }],
    },
  ],
});
