import rule from '../../../src/rules/dockerfile/workdir-relative.js';
import { ruleTester } from '../../helpers/rule-tester.js';

ruleTester(rule, {
  valid: [
    'FROM node:20\nWORKDIR /app\n',
    'FROM node:20\nWORKDIR "/app"\n',
    { name: 'Windows drive path', code: 'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nWORKDIR C:\\\\app\n' },
    { name: 'quoted Windows path with spaces (the whole argument is one path)', code: 'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nWORKDIR "C:\\\\Program Files\\\\OpenSSL\\\\bin"\n' },
    { name: 'quoted absolute path with spaces', code: 'FROM node:20\nWORKDIR "/Program Files/app"\n' },
    { name: 'unknown variable', code: 'FROM node:20\nARG DIR\nWORKDIR $DIR\n' },
    { name: 'variable with absolute value', code: 'FROM node:20\nENV APP_HOME=/srv/app\nWORKDIR ${APP_HOME}\n' },
    { name: 'relative to an earlier absolute WORKDIR', code: 'FROM node:20\nWORKDIR /app\nWORKDIR src\n' },
    { name: 'relative to an absolute WORKDIR of the parent stage', code: 'FROM node:20 AS base\nWORKDIR /app\nFROM base\nWORKDIR src\n' },
  ],
  invalid: [
    {
      code: 'FROM node:20\nWORKDIR app\n',
      errors: [{ line: 2, column: 9, endLine: 2, endColumn: 12, message: 'use an absolute path such as /app' }],
    },
    {
      name: 'quoted relative path',
      code: 'FROM node:20\nWORKDIR "usr/src/app"\n',
      errors: [{ line: 2, column: 9, endColumn: 22, message: '/usr/src/app' }],
    },
    {
      name: 'a relative path with a space is named whole',
      code: "FROM node:20\nWORKDIR 'my app'\n",
      errors: [{ line: 2, column: 9, endColumn: 17, message: 'WORKDIR "my app" is relative' }],
    },
    {
      name: 'variable that resolves to a relative path',
      code: 'FROM node:20\nARG DIR=app\nWORKDIR $DIR\n',
      errors: [{ line: 3, column: 9, endColumn: 13, message: 'WORKDIR "app"' }],
    },
    {
      name: 'earlier WORKDIR in another, unrelated stage does not count',
      code: 'FROM node:20 AS a\nWORKDIR /app\nFROM node:20\nWORKDIR src\n',
      errors: [{ line: 4, column: 9 }],
    },
    {
      name: 'path on a continuation line',
      code: 'FROM node:20\nWORKDIR \\\n  ./app\n',
      errors: [{ line: 3, column: 3, endColumn: 8, message: '/app' }],
    },
  ],
});
