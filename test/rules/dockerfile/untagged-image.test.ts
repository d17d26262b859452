import rule from '../../../src/rules/dockerfile/untagged-image.js';
import { ruleTester } from '../../helpers/rule-tester.js';

ruleTester(rule, {
  valid: [
    'FROM node:20\n',
    'FROM scratch\n',
    'FROM node@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef\n',
    'FROM localhost:5000/app:1.2\n',
    { name: 'earlier stage alias', code: 'FROM node:20 AS base\nFROM base\n' },
    { name: 'stage alias in another case', code: 'FROM node:20 AS Base\nFROM BASE\n' },
    { name: 'tagged ARG default (hadolint #219)', code: 'ARG BASE=node:20-slim\nFROM ${BASE}\n' },
    { name: 'tag from an ARG', code: 'ARG NODE_VERSION=20\nFROM node:${NODE_VERSION}-slim\n' },
    { name: 'ARG without default', code: 'ARG BASE\nFROM $BASE\n' },
    { name: 'latest tag is latest-tag\'s business', code: 'FROM node:latest\n' },
  ],
  invalid: [
    {
      code: 'FROM node\n',
      errors: [{ line: 1, column: 6, endLine: 1, endColumn: 10, message: 'node:<version>' }],
    },
    {
      name: 'registry with a port is not a tag',
      code: 'FROM localhost:5000/app AS x\n',
      errors: [{ line: 1, column: 6, endColumn: 24, message: 'localhost:5000/app:<version>' }],
    },
    {
      name: 'ARG default without a tag',
      code: 'ARG BASE=python\nFROM ${BASE} AS app\n',
      errors: [{ line: 2, column: 6, endColumn: 13, message: '"python" (from "${BASE}")' }],
    },
    {
      name: 'alias defined only later is not a stage reference',
      code: 'FROM builder\nFROM node:20 AS builder\n',
      errors: [{ line: 1, column: 6 }],
    },
    {
      name: 'image on a continuation line',
      code: 'FROM --platform=$BUILDPLATFORM \\\n  golang AS build\n',
      errors: [{ line: 2, column: 3, endColumn: 9 }],
    },
  ],
});
