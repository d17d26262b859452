import rule from '../../../src/rules/dockerfile/platform-fixed.js';
import { ruleTester } from '../../helpers/rule-tester.js';

ruleTester(rule, {
  valid: [
    'FROM python:3.12\n',
    'FROM --platform=$BUILDPLATFORM golang:1.22 AS build\n',
    'FROM --platform=${TARGETPLATFORM} alpine:3.20\n',
    { name: 'automatic per-component args (hadolint flags this)', code: 'FROM --platform=linux/${TARGETARCH} alpine:3.20\n' },
    { name: 'ARG without a default comes from --build-arg', code: 'ARG PLATFORM\nFROM --platform=$PLATFORM alpine:3.20\n' },
  ],
  invalid: [
    {
      code: 'FROM --platform=linux/amd64 python:3.12\n',
      errors: [{ line: 1, column: 17, endLine: 1, endColumn: 28, message: 'for linux/amd64' }],
    },
    {
      name: 'fixed through an ARG default',
      code: 'ARG PLATFORM=linux/arm64\nFROM --platform=${PLATFORM} alpine:3.20 AS a\n',
      errors: [{ line: 2, column: 17, endColumn: 28, message: 'for linux/arm64' }],
    },
    {
      name: 'second stage, flag on a continuation line',
      code: 'FROM alpine:3.20\nFROM \\\n  --platform=linux/386 alpine:3.20\n',
      errors: [{ line: 3, column: 14, endColumn: 23 }],
    },
  ],
});
