import rule from '../../../src/rules/dockerfile/npm-install-not-ci.js';
import { ruleTester } from '../../helpers/rule-tester.js';

ruleTester(rule, {
  valid: [
    'FROM node:20-slim\nRUN npm ci\n',
    { name: 'installing named packages (npm-unpinned covers pinning)', code: 'FROM node:20-slim\nRUN npm install -g typescript@5.4.5\n' },
    { name: 'named package after flags', code: 'FROM node:20-slim\nRUN npm install --save-exact express@4.19.2\n' },
    { name: 'global install of the current folder', code: 'FROM node:20-slim\nCOPY . /src\nRUN cd /src && npm install -g\n' },
    { name: 'lockfile generation', code: 'FROM node:20-slim\nRUN npm install --package-lock-only\n' },
    { name: 'not npm', code: 'FROM node:20-slim\nRUN yarn install\n' },
    { name: 'echoed text', code: 'FROM node:20-slim\nRUN echo npm install\n' },
  ],
  invalid: [
    {
      code: 'FROM node:20-slim\nRUN npm install\n',
      errors: [{ line: 2, column: 5, endLine: 2, endColumn: 16, message: 'use `npm ci`' }],
      output: 'FROM node:20-slim\nRUN npm ci\n',
    },
    {
      name: 'abbreviation with flags, on a continuation line',
      code: 'FROM node:20-slim\nRUN apt-get update && \\\n    npm i --omit=dev --no-audit\n',
      errors: [{ line: 3, column: 5, endColumn: 10, message: '`npm i`' }],
      output: 'FROM node:20-slim\nRUN apt-get update && \\\n    npm ci --omit=dev --no-audit\n',
    },
    {
      name: 'exec form: the fix stays valid JSON',
      code: 'FROM node:20-slim\nRUN ["npm", "install", "--production"]\n',
      errors: [{ line: 2, column: 7, endColumn: 21 }],
      output: 'FROM node:20-slim\nRUN ["npm", "ci", "--production"]\n',
    },
    {
      name: 'flag with a value before the subcommand',
      code: 'FROM node:20-slim\nRUN npm --prefix /app install\n',
      errors: [{ line: 2, column: 5, endColumn: 30 }],
      output: 'FROM node:20-slim\nRUN npm --prefix /app ci\n',
    },
    {
      name: 'ONBUILD trigger',
      code: 'FROM node:20-slim\nONBUILD RUN npm install\n',
      errors: [{ line: 2, column: 13, endColumn: 24 }],
    },
  ],
});
