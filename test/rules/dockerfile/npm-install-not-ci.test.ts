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
    { name: 'node before 10: npm may predate npm ci', code: 'FROM node:4.6.2\nONBUILD COPY package.json /usr/src/app/\nONBUILD RUN npm install\n' },
    { name: 'io.js', code: 'FROM iojs:3.2\nRUN npm install\n' },
  ],
  invalid: [
    {
      name: 'only package.json copied: copy the lockfile too, no fix',
      code: 'FROM node:20-slim\nWORKDIR /code\nCOPY package.json /code\nRUN npm install\n',
      errors: [{ line: 4, column: 5, endColumn: 16, message: 'only package.json is copied' }],
      output: 'FROM node:20-slim\nWORKDIR /code\nCOPY package.json /code\nRUN npm install\n',
    },
    {
      name: 'a glob or the lockfile can bring it: the fix is offered',
      code: 'FROM node:20-slim\nCOPY package*.json ./\nRUN npm install\nFROM node:20-slim\nCOPY package.json package-lock.json ./\nRUN npm i\n',
      errors: [{ line: 3, column: 5, endColumn: 16, message: 'use `npm ci`' }, { line: 6, column: 5, endColumn: 10, message: 'use `npm ci`' }],
      output: 'FROM node:20-slim\nCOPY package*.json ./\nRUN npm ci\nFROM node:20-slim\nCOPY package.json package-lock.json ./\nRUN npm ci\n',
    },
    {
      name: 'an ONBUILD trigger after an ONBUILD COPY of package.json alone',
      code: 'FROM node:20-slim\nONBUILD COPY package.json ./\nONBUILD RUN npm install\n',
      errors: [{ line: 3, column: 13, endColumn: 24, message: 'only package.json is copied' }],
    },
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
