import rule from '../../../src/rules/dockerfile/stage-name-reserved.js';
import { ruleTester } from '../../helpers/rule-tester.js';

ruleTester(rule, {
  valid: [
    'FROM golang:1.22 AS build\n',
    'FROM scratch\n',
    'FROM golang:1.22 AS scratchpad\n',
  ],
  invalid: [
    {
      code: 'FROM golang:1.22 AS scratch\n',
      errors: [{ line: 1, column: 21, endLine: 1, endColumn: 28, message: 'empty base image' }],
    },
    {
      name: 'context, any case',
      code: 'FROM alpine:3.20 as Context\n',
      errors: [{ line: 1, column: 21, endColumn: 28, message: 'build context' }],
    },
  ],
});
