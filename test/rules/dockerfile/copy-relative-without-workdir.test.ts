import rule from '../../../src/rules/dockerfile/copy-relative-without-workdir.js';
import { ruleTester } from '../../helpers/rule-tester.js';

ruleTester(rule, {
  valid: [
    'FROM node:20\nWORKDIR /app\nCOPY package.json ./\n',
    'FROM node:20\nCOPY package.json /app/\n',
    'FROM node:20\nCOPY ["package.json", "/app/"]\n',
    { name: 'Windows path', code: 'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nCOPY app.exe C:/app/\n' },
    { name: 'WORKDIR inherited from the parent stage', code: 'FROM node:20 AS base\nWORKDIR /app\nFROM base\nCOPY . .\n' },
    { name: 'variable resolving to an absolute path', code: 'FROM node:20\nENV APP=/app\nCOPY . $APP\n' },
    { name: 'FROM scratch works in / (docker/cli, buildkit)', code: 'FROM golang:1.22 AS build\nRUN go build -o /out/app .\nFROM scratch\nCOPY --from=build /out .\n' },
    { name: 'a stage built on a scratch stage', code: 'FROM scratch AS files\nCOPY a .\nFROM files\nCOPY b ./sub/\n' },
    { name: 'unknown variable', code: 'FROM node:20\nARG DEST\nCOPY . ${DEST}\n' },
  ],
  invalid: [
    {
      code: 'FROM node:20\nCOPY package.json ./\n',
      errors: [{ line: 2, column: 19, endLine: 2, endColumn: 21, message: '"./"' }],
    },
    {
      name: 'WORKDIR comes only after the COPY',
      code: 'FROM node:20\nCOPY . app\nWORKDIR /app\n',
      errors: [{ line: 2, column: 8, endColumn: 11 }],
    },
    {
      name: 'WORKDIR in an unrelated stage does not count',
      code: 'FROM node:20 AS a\nWORKDIR /app\nFROM node:20\nCOPY --from=a /app/dist dist\n',
      errors: [{ line: 4, column: 25 }],
    },
    {
      name: 'JSON form, continuation line',
      code: 'FROM node:20\nCOPY ["a", \\\n  "b/"]\n',
      errors: [{ line: 3, column: 3, endColumn: 7 }],
    },
  ],
});
