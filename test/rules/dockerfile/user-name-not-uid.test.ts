import rule from '../../../src/rules/dockerfile/user-name-not-uid.js';
import { ruleTester } from '../../helpers/rule-tester.js';

ruleTester(rule, {
  valid: [
    'FROM node:20\nUSER 1000\n',
    'FROM node:20\nUSER 1000:1000\n',
    { name: 'numeric uid with a group name', code: 'FROM node:20\nUSER 1000:node\n' },
    { name: 'root is uid 0 everywhere', code: 'FROM node:20\nUSER root\nRUN true\nUSER 1000\n' },
    { name: 'Windows built-in accounts', code: 'FROM mcr.microsoft.com/windows/nanoserver:ltsc2022\nUSER ContainerAdministrator\nRUN echo hi\nUSER ContainerUser\n' },
    { name: 'unknown variable', code: 'FROM node:20\nARG UID\nUSER ${UID}\n' },
    { name: 'variable with a numeric default', code: 'FROM node:20\nARG UID=10001\nUSER ${UID}:${UID}\n' },
  ],
  invalid: [
    {
      name: 'the UID of a user created with bundled options (-SHG takes the group as its value)',
      code: 'FROM alpine:3.20\nRUN addgroup -S mc && adduser -u 1001 -SHG mc mc\nUSER mc\n',
      errors: [{ line: 3, column: 6, message: 'USER 1001, as created for mc' }],
    },
    {
      code: 'FROM node:20\nUSER node\n',
      errors: [{ line: 2, column: 6, endLine: 2, endColumn: 10, message: 'USER "node" is a name' }],
    },
    {
      name: 'only the user part is flagged; UID hint from useradd',
      code: 'FROM debian:12\nRUN groupadd -g 10001 app && \\\n    useradd --uid 10001 -g app app\nUSER app:app\n',
      errors: [{ line: 4, column: 6, endColumn: 9, message: 'USER 10001:app, as created for app' }],
    },
    {
      name: 'variable resolving to a name (hadolint skips every ARG)',
      code: 'FROM node:20\nARG APP_USER=node\nUSER $APP_USER\n',
      errors: [{ line: 3, column: 6, endColumn: 15, message: '"node" ($APP_USER)' }],
    },
    {
      name: 'every USER, in every stage',
      code: 'FROM node:20 AS build\nUSER node\nFROM node:20\n  USER app\n',
      errors: [{ line: 2, column: 6 }, { line: 4, column: 8 }],
    },
  ],
});
