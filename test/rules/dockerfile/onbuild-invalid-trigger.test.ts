import rule from '../../../src/rules/dockerfile/onbuild-invalid-trigger.js';
import { ruleTester } from '../../helpers/rule-tester.js';

ruleTester(rule, {
  valid: [
    'FROM node:20\nONBUILD COPY . /app/\nONBUILD RUN npm ci\n',
    'FROM node:20\nMAINTAINER someone\n',
  ],
  invalid: [
    {
      code: 'FROM node:20\nONBUILD FROM node:20\n',
      errors: [{ line: 2, column: 9, endLine: 2, endColumn: 13, message: 'FROM is not allowed' }],
    },
    {
      name: 'nested ONBUILD, lower case',
      code: 'FROM node:20\nonbuild onbuild RUN true\n',
      errors: [{ line: 2, column: 9, endColumn: 16, message: 'ONBUILD is not allowed' }],
    },
    {
      name: 'MAINTAINER on a continuation line',
      code: 'FROM node:20\nONBUILD \\\n  MAINTAINER me\n',
      errors: [{ line: 3, column: 3, endColumn: 13, message: 'MAINTAINER' }],
    },
  ],
});
