import rule from '../../../src/rules/dockerfile/npm-unpinned.js';
import { ruleTester } from '../../helpers/rule-tester.js';

ruleTester(rule, {
  valid: [
    { name: 'options held in a variable are not packages, nor the value of --registry', code: 'FROM node:20\nARG NPM_FLAGS="--no-audit --registry https://r.example"\nRUN npm install -g $NPM_FLAGS typescript@5.4.5\n' },
    'FROM node:20\nRUN npm install\n',
    'FROM node:20\nRUN npm ci && npm install --omit=dev\n',
    'FROM node:20\nRUN npm install -g typescript@5.4.5 @angular/cli@17 pnpm@^9\n',
    'FROM node:20\nRUN npm i express@4.19.2\n',
    'FROM node:20\nRUN npm install ./local ../pkg /abs/path ~/x . file:../y pkg.tgz https://example.com/p.tar.gz\n',
    'FROM node:20\nRUN npm install git+https://github.com/org/repo.git#v1.2.3 github:org/repo#abc123 org/repo#semver:^1\n',
    { name: 'registry and prefix values are not packages', code: 'FROM node:20\nRUN npm --registry https://registry.example install --prefix /opt/app express@4\n' },
    { name: 'loglevel value', code: 'FROM node:20\nRUN npm install --loglevel warn -w packages/a lodash@4.17.21\n' },
    'FROM node:20\nRUN npm run install && npm uninstall lodash\n',
    'FROM node:20\nRUN yarn add lodash\n',
    { name: 'unknown variable', code: 'FROM node:20\nRUN npm install -g $TOOLS\n' },
  ],
  invalid: [
    {
      name: 'a package in a variable next to options',
      code: 'FROM node:20\nARG NPM_FLAGS="--no-audit express"\nRUN npm install $NPM_FLAGS\n',
      errors: [{ line: 3, column: 17, endLine: 3, endColumn: 27, message: 'Package "express"' }],
    },
    {
      code: 'FROM node:20\nRUN npm install -g typescript\n',
      errors: [{ line: 2, column: 20, endLine: 2, endColumn: 30, message: 'typescript@<version>' }],
    },
    {
      name: 'scoped packages, @latest and several packages',
      code: 'FROM node:20\nRUN npm i -g @angular/cli npm@latest ts-node@10\n',
      errors: [
        { line: 2, column: 14, endColumn: 26, message: '@angular/cli@<version>' },
        { line: 2, column: 27, endColumn: 37, message: '"npm@latest"' },
      ],
    },
    {
      name: 'git URL without a ref and GitHub shorthand',
      code: 'FROM node:20\nRUN npm install git+ssh://git@github.com:org/repo.git org/other\n',
      errors: [{ line: 2, column: 17, endColumn: 54 }, { line: 2, column: 55, endColumn: 64 }],
    },
    {
      name: '--registry value skipped, package on a continuation line',
      code: 'FROM node:20\nRUN npm install --registry https://r.example \\\n      --global \\\n      pm2\n',
      errors: [{ line: 4, column: 7, endLine: 4, endColumn: 10 }],
    },
    {
      name: 'ONBUILD trigger',
      code: 'FROM node:20\nONBUILD RUN npm install express\n',
      errors: [{ line: 2, column: 25 }],
    },
  ],
});
