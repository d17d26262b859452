import rule from '../../../src/rules/dockerfile/dev-dependencies-in-final-stage.js';
import { ruleTester } from '../../helpers/rule-tester.js';

ruleTester(rule, {
  valid: [
    { name: 'an install in a file without FROM (no stage to ship)', code: 'RUN npm ci\n' },
    { name: 'a test-runner image needs its dev dependencies (cypress)', code: 'FROM cypress/included:13.6.0\nCOPY package*.json ./\nRUN npm clean-install\nENTRYPOINT ["cypress", "run"]\n' },
    { name: 'a dev server (npm run dev)', code: 'FROM node:20-slim\nCOPY . .\nRUN npm ci\nCMD ["npm", "run", "dev"]\n' },
    { name: 'ng serve through npx', code: 'FROM node:20-slim\nCOPY . .\nRUN npm ci\nCMD npx --yes ng serve --host 0.0.0.0\n' },
    { name: 'dev container (in .devcontainer/): dev dependencies are the point', path: '.devcontainer/Dockerfile', code: 'FROM node:20-slim\nWORKDIR /app\nCOPY package.json package-lock.json ./\nRUN npm ci\n' },
    'FROM node:20-slim\nRUN npm ci --omit=dev\n',
    'FROM node:20-slim\nRUN npm ci --omit dev\n',
    'FROM node:20-slim\nRUN npm install --production\n',
    'FROM node:20-slim\nRUN npm ci --only=production\n',
    { name: 'NODE_ENV=production in scope', code: 'FROM node:20-slim\nENV NODE_ENV=production\nRUN npm ci && yarn install && pnpm install\n' },
    { name: 'NODE_ENV set for the command', code: 'FROM node:20-slim\nRUN NODE_ENV=production npm ci\n' },
    { name: 'NODE_ENV from the parent stage', code: 'FROM node:20-slim AS base\nENV NODE_ENV=production\nFROM base\nRUN npm ci\n' },
    { name: 'dev install only in a build stage', code: 'FROM node:20 AS build\nRUN npm ci && npm run build\n\nFROM node:20-slim\nRUN npm ci --omit=dev\nCOPY --from=build /app/dist ./dist\n' },
    { name: 'pruned later', code: 'FROM node:20-slim\nRUN npm ci\nRUN npm run build\nRUN npm prune --omit=dev\n' },
    { name: 'installing a named package', code: 'FROM node:20-slim\nRUN npm install -g pm2@5.4.2\n' },
    'FROM node:20-slim\nRUN yarn install --production --frozen-lockfile\n',
    { name: 'yarn --version is not an install', code: 'FROM node:20-slim\nRUN yarn --version\n' },
    'FROM node:20-slim\nRUN pnpm install --prod\n',
    'FROM python:3.12-slim\nRUN pip install -r requirements.txt\n',
    'FROM python:3.12-slim\nRUN poetry install --only main --no-root\n',
    'FROM python:3.12-slim\nRUN poetry install --without dev\n',
    { name: 'dev install in the branch a build argument selects', code: 'FROM python:3.12-slim\nARG INSTALL_DEV=false\nRUN bash -c "if [ $INSTALL_DEV == \'true\' ] ; then poetry install --no-root ; else poetry install --no-root --only main ; fi"\nRUN if [ "$NODE_ENV" = development ]; then npm ci; else npm ci --omit=dev; fi\n' },
    'FROM python:3.12-slim\nRUN uv sync --frozen --no-dev\n',
    'FROM php:8.3-fpm\nRUN composer install --no-dev --optimize-autoloader\n',
    { name: 'COMPOSER_NO_DEV', code: 'FROM php:8.3-fpm\nENV COMPOSER_NO_DEV=1\nRUN composer install\n' },
    { name: 'BUNDLE_WITHOUT', code: 'FROM ruby:3.3-slim\nENV BUNDLE_WITHOUT="development:test"\nRUN bundle install\n' },
    { name: 'bundle config without', code: "FROM ruby:3.3-slim\nRUN bundle config set --local without 'development test' && bundle install\n" },
    { name: 'bundle --version', code: 'FROM ruby:3.3-slim\nRUN bundle --version\n' },
  ],
  invalid: [
    {
      name: 'pip installs requirement files one after another, even in a RUN with an if',
      code: 'FROM python:3.12-slim\nRUN pip install -r requirements.txt && pip install -r requirements-dev.txt && if [ -f x ]; then echo; fi\n',
      errors: [{ line: 2, column: 55, endColumn: 75 }],
    },
    {
      name: 'dev and production installs of one tool in a RUN without a condition',
      code: 'FROM node:20-slim\nRUN npm ci && npm ci --omit=dev\n',
      errors: [{ line: 2, column: 5, endColumn: 11 }],
    },
    ...[
      ['node:14.17.3-alpine3.14', '--production (npm 6 ignores --omit=dev)'],
      ['node:10', '--production (npm 6 ignores --omit=dev)'],
      ['node:16-slim', '--omit=dev'],
      ['node:lts-slim', '--omit=dev'],
      ['mycorp/node:12', '--omit=dev'],
    ].map(([image, flag]) => ({
      name: `on ${image} the advice is ${flag}`,
      code: `FROM ${image}\nCOPY package.json package-lock.json ./\nRUN npm ci\n`,
      errors: [{ line: 3, column: 5, endColumn: 11, message: `\`npm ci\` in the image you ship also installs development dependencies; add ${flag}, or build in an earlier stage` }],
    })),
    {
      name: 'npm start is not a dev server',
      code: 'FROM node:20-slim\nCOPY . .\nRUN npm ci\nCMD ["npm", "start"]\n',
      errors: [{ line: 3, column: 5, endColumn: 11 }],
    },
    {
      code: 'FROM node:20-slim\nCOPY package*.json ./\nRUN npm ci\n',
      errors: [{ line: 3, column: 5, endLine: 3, endColumn: 11, message: '`npm ci` in the image you ship also installs development dependencies; add --omit=dev' }],
    },
    {
      name: 'NODE_ENV=development',
      code: 'FROM node:20-slim\nENV NODE_ENV=development\nRUN npm install\n',
      errors: [{ line: 3, column: 5, endColumn: 16 }],
    },
    {
      name: 'yarn on a continuation line',
      code: 'FROM node:20-slim\nRUN corepack enable && \\\n    yarn install --frozen-lockfile\n',
      errors: [{ line: 3, column: 5, endColumn: 17, message: 'add --production' }],
    },
    {
      name: 'dev requirements file: points at the file',
      code: 'FROM python:3.12-slim\nRUN pip install -r requirements.txt -r requirements-dev.txt\n',
      errors: [{ line: 2, column: 40, endColumn: 60 }],
    },
    {
      name: 'requirements/test.txt and dev extras',
      code: 'FROM python:3.12-slim\nRUN pip install --no-cache-dir -r requirements/test.txt\nRUN pip install -e ".[dev]"\n',
      errors: [{ line: 2, column: 35, endColumn: 56 }, { line: 3, column: 20, endColumn: 28 }],
    },
    {
      name: 'poetry',
      code: 'FROM python:3.12-slim\nRUN poetry install --no-root\n',
      errors: [{ line: 2, column: 5, endColumn: 19, message: '--only main' }],
    },
    {
      name: 'composer and bundle',
      code: 'FROM php:8.3-apache\nRUN composer install --prefer-dist\nRUN bundle install --jobs 4\n',
      errors: [{ line: 2, column: 5, endColumn: 21, message: '--no-dev' }, { line: 3, column: 5, endColumn: 19, message: 'BUNDLE_WITHOUT' }],
    },
    {
      name: 'shipped parent stage',
      code: 'FROM node:20-slim AS deps\nRUN npm ci\n\nFROM node:20 AS build\nRUN npm ci\n\nFROM deps AS final\nCMD ["node", "server.js"]\n',
      errors: [{ line: 2, column: 5 }],
    },
    {
      name: 'pipenv --dev and uv sync',
      code: 'FROM python:3.12-slim\nRUN pipenv install --deploy --dev\nRUN uv sync --frozen\n',
      errors: [{ line: 2, column: 29, endColumn: 34 }, { line: 3, column: 5, endColumn: 12, message: '--no-dev' }],
    },
  ],
});
