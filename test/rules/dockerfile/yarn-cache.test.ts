import rule from '../../../src/rules/dockerfile/yarn-cache.js';
import { describe, expect, it } from 'vitest';
import { ruleTester, runRule } from '../../helpers/rule-tester.js';

ruleTester(rule, {
  valid: [
    'FROM node:20\nRUN yarn install --frozen-lockfile && yarn cache clean\n',
    'FROM node:20\nRUN yarn && yarn build && yarn cache clean --all\n',
    'FROM node:20\nRUN yarn install && rm -rf /usr/local/share/.cache/yarn\n',
    'FROM node:20\nRUN yarn install && rm -rf "$(yarn cache dir)"\n',
    { name: 'custom cache folder removed', code: 'FROM node:20\nRUN yarn install --cache-folder /tmp/yc && rm -rf /tmp/yc\n' },
    { name: 'cache mount', code: 'FROM node:20\nRUN --mount=type=cache,target=/usr/local/share/.cache/yarn yarn install\n' },
    { name: 'cache mount on YARN_CACHE_FOLDER', code: 'FROM node:20\nENV YARN_CACHE_FOLDER=/yc\nRUN --mount=type=cache,target=/yc yarn install\n' },
    { name: 'build stage that does not ship', code: 'FROM node:20 AS build\nRUN yarn install && yarn build\nFROM nginx:1.27\nCOPY --from=build /app/dist /usr/share/nginx/html\n' },
    'FROM node:20\nRUN yarn build && yarn --version && yarn add lodash\n',
  ],
  invalid: [
    {
      code: 'FROM node:20\nRUN yarn install --frozen-lockfile\n',
      errors: [{ line: 2, column: 5, endLine: 2, endColumn: 17, message: 'yarn cache clean' }],
      output: 'FROM node:20\nRUN yarn install --frozen-lockfile && yarn cache clean\n',
    },
    {
      name: 'bare yarn installs too',
      code: 'FROM node:20\nRUN yarn --frozen-lockfile && yarn build\n',
      errors: [{ line: 2, column: 5, endColumn: 9 }],
      output: 'FROM node:20\nRUN yarn --frozen-lockfile && yarn build && yarn cache clean\n',
    },
    {
      name: 'two installs in one RUN: one fix, after the last yarn command',
      code: 'FROM node:20\nRUN yarn install && cd web && yarn install && yarn build; echo ok\n',
      errors: [{ line: 2, column: 5 }, { line: 2, column: 31 }],
      output: 'FROM node:20\nRUN yarn install && cd web && yarn install && yarn build && yarn cache clean; echo ok\n',
    },
    {
      name: 'cleaning before install does not count; continuation line',
      code: 'FROM node:20\nRUN yarn cache clean && \\\n    yarn --cwd /app install\n',
      errors: [{ line: 3, column: 5, endLine: 3, endColumn: 28 }],
    },
    {
      name: 'cleaning in a later RUN does not help',
      code: 'FROM node:20\nRUN yarn install\nRUN yarn cache clean\n',
      errors: [{ line: 2, column: 5 }],
    },
    {
      name: 'parent of the final stage ships',
      code: 'FROM node:20 AS deps\nRUN yarn install\nFROM deps\nCMD ["node", "index.js"]\n',
      errors: [{ line: 2, column: 5 }],
    },
    {
      name: 'ONBUILD trigger',
      code: 'FROM node:20\nONBUILD RUN yarn install\n',
      errors: [{ line: 2, column: 13, endColumn: 25 }],
      output: 'FROM node:20\nONBUILD RUN yarn install && yarn cache clean\n',
    },
  ],
});

describe('DF059 fix is withheld', () => {
  it.each([
    ['while an offline install needs the cache', 'RUN yarn install\nRUN yarn install --offline', 2],
    ['for a --cache-folder a plain clean misses', 'RUN yarn install --cache-folder /c && echo', 1],
    ['for Yarn 2+ (its cache holds what Plug\'n\'Play runs from)', 'COPY .yarnrc.yml package.json yarn.lock ./\nRUN yarn install --immutable', 1],
    ['where corepack picks the yarn version', 'RUN corepack enable && yarn install', 1],
  ])('%s', (_, runs, count) => {
    const found = runRule(rule, { code: `FROM node:20\n${runs}\n` });
    expect(found).toHaveLength(count);
    expect(found.every((f) => f.fix === undefined)).toBe(true);
  });
});
