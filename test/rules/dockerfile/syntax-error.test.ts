import rule from '../../../src/rules/dockerfile/syntax-error.js';
import { ruleTester } from '../../helpers/rule-tester.js';

ruleTester(rule, {
  valid: [
    { name: 'boolean flags may stand alone', code: 'FROM alpine:3.20 AS build\nFROM alpine:3.20\nCOPY --link --parents --from=build /a /b\n' },
    'FROM alpine:3.19\nRUN --mount=type=cache,target=/x --future-flag=1 echo hi\n',
    'FROM alpine:3.19\nRUN <<EOF\necho hi\nEOF\n',
    'FROM alpine:3.19\nCOPY <<EOF /etc/x\nhello\nEOF\n',
    '# escape=`\nFROM mcr.microsoft.com/windows/nanoserver:ltsc2022\nRUN echo `\n  hi\n',
    'FROM alpine:3.19\nHEALTHCHECK NONE\n',
    'FROM alpine:3.19\nENV A=1 B=2\nENV C 3\n',
    { name: 'not JSON at all is shell form', code: 'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nRUN [Net.ServicePointManager]::SecurityProtocol = 3072\nCMD [ "unterminated\n' },
    { name: 'an empty exec form is valid JSON', code: 'FROM alpine:3.19\nCMD []\n' },
  ],
  invalid: [
    {
      name: 'a flag that takes a value without =, which BuildKit refuses',
      code: 'FROM alpine:3.20 AS build\nFROM alpine:3.20\nCOPY --from build /out/app /usr/local/bin/\n',
      errors: [{ line: 3, column: 6, endColumn: 12, message: 'missing a value on flag --from: write --from=<value>' }],
    },
    { name: 'unknown instruction', code: 'FROM alpine:3.19\nRUNN echo hi\n', errors: [{ line: 2, column: 1, endColumn: 5, message: 'unknown instruction "RUNN"' }] },
    { name: 'COPY without destination', code: 'FROM alpine:3.19\nCOPY package.json\n', errors: [{ line: 2, column: 1, endColumn: 18, message: 'source and a destination' }] },
    { name: 'unterminated heredoc', code: 'FROM alpine:3.19\nRUN <<EOF\necho hi\n', errors: [{ line: 2, column: 5, endColumn: 10, message: 'never terminated' }] },
    { name: 'bad FROM', code: 'FROM alpine:3.19 AS\n', errors: [{ line: 1, column: 1, message: 'optional "AS name"' }] },
    { name: 'ENV without value, other instructions still parsed', code: 'FROM alpine:3.19\nENV ONLYKEY\nRUN echo ok\nFROMM x\n', errors: [{ line: 2, column: 1, message: 'ENV needs a value' }, { line: 4, column: 1, message: 'unknown instruction' }] },
    { name: 'exec form with a number', code: 'FROM node:20-slim\nCMD ["node", 3000]\n', errors: [{ line: 2, column: 5, endColumn: 19, message: 'JSON array of strings' }] },
    { name: 'ENTRYPOINT with null, HEALTHCHECK CMD with a boolean', code: 'FROM node:20-slim\nENTRYPOINT ["x", null]\nHEALTHCHECK CMD ["true", true]\n', errors: [{ line: 2, column: 12, endColumn: 23, message: 'JSON array of strings' }, { line: 3, column: 17, endColumn: 31, message: 'JSON array of strings' }] },
    { name: 'empty file', code: '', errors: [{ line: 1, column: 1, endLine: 1, endColumn: 1, message: 'no instructions' }] },
    { name: 'only comments and a directive', code: '# syntax=docker/dockerfile:1\n# a comment\n', errors: [{ line: 1, column: 1, endColumn: 29, message: 'no instructions' }] },
    { name: 'ONBUILD without trigger', code: 'FROM alpine:3.19\nONBUILD\n', errors: [{ line: 2, column: 1 }] },
  ],
});
