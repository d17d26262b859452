import rule from '../../../src/rules/dockerfile/platform-redundant.js';
import { ruleTester } from '../../helpers/rule-tester.js';

ruleTester(rule, {
  valid: [
    'FROM alpine:3.20\n',
    'FROM --platform=$BUILDPLATFORM golang:1.22\n',
    'FROM --platform=linux/amd64 alpine:3.20\n',
  ],
  invalid: [
    {
      code: 'FROM --platform=$TARGETPLATFORM alpine:3.20\n',
      errors: [{ line: 1, column: 6, endLine: 1, endColumn: 32 }],
      output: 'FROM alpine:3.20\n',
    },
    {
      name: 'braced, with alias',
      code: 'FROM alpine:3.20 AS a\nFROM --platform=${TARGETPLATFORM}   node:20 AS b\n',
      errors: [{ line: 2, column: 6, endColumn: 34 }],
      output: 'FROM alpine:3.20 AS a\nFROM node:20 AS b\n',
    },
    {
      name: 'flag followed by a continuation',
      code: 'FROM --platform=$TARGETPLATFORM \\\n  alpine:3.20\n',
      errors: [{ line: 1, column: 6 }],
      output: 'FROM \\\n  alpine:3.20\n',
    },
  ],
});
