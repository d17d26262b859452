import rule from '../../../src/rules/dockerfile/stage-alias-duplicate.js';
import { ruleTester } from '../../helpers/rule-tester.js';

ruleTester(rule, {
  valid: [
    'FROM node:20 AS deps\nFROM deps AS build\nFROM node:20-slim\n',
    'FROM node:20\nFROM node:20\n',
  ],
  invalid: [
    {
      code: 'FROM node:20 AS build\nRUN npm ci\n\nFROM node:20 AS build\n',
      errors: [{ line: 4, column: 17, endLine: 4, endColumn: 22, message: 'line 1' }],
    },
    {
      name: 'names differ only in case',
      code: 'FROM node:20 as Build\nFROM node:20-slim AS build\nFROM alpine:3 AS BUILD\n',
      errors: [{ line: 2, column: 22 }, { line: 3, column: 18, endColumn: 23, message: 'line 1' }],
    },
  ],
});
