import rule from '../../../src/rules/dockerfile/instruction-before-from.js';
import { ruleTester } from '../../helpers/rule-tester.js';

ruleTester(rule, {
  valid: [
    'FROM node:20\nENV A=1\n',
    '# syntax=docker/dockerfile:1\n# a comment\nARG NODE=20\nARG BASE=node:${NODE}\nFROM ${BASE}\n',
    { name: 'unknown keywords are syntax errors, not this rule', code: 'FORM node:20\nFROM node:20\n' },
  ],
  invalid: [
    {
      code: 'ENV NODE_ENV=production\nFROM node:20\n',
      errors: [{ line: 1, column: 1, endLine: 1, endColumn: 4, message: 'ENV comes before the first FROM' }],
    },
    {
      name: 'every instruction before FROM, lower case, after ARG',
      code: 'ARG V=1\nlabel a=b\n  RUN echo hi\nFROM node:20\nRUN true\n',
      errors: [{ line: 2, column: 1, endColumn: 6 }, { line: 3, column: 3, endColumn: 6 }],
    },
    {
      name: 'no FROM at all',
      code: 'RUN echo hi\n',
      errors: [{ line: 1, column: 1 }],
    },
  ],
});
