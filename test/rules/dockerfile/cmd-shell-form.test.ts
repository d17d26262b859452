import { describe, expect, it } from 'vitest';
import rule from '../../../src/rules/dockerfile/cmd-shell-form.js';
import { ruleTester, runRule } from '../../helpers/rule-tester.js';

ruleTester(rule, {
  valid: [
    'FROM node:20\nCMD ["node", "server.js"]\n',
    'FROM node:20\nENTRYPOINT ["docker-entrypoint.sh"]\n',
    'FROM node:20\nHEALTHCHECK --interval=30s CMD ["curl", "-f", "http://localhost/"]\n',
    'FROM node:20\nHEALTHCHECK NONE\n',
    { name: 'explicit shell in exec form', code: 'FROM node:20\nCMD ["sh", "-c", "exec node server.js --port $PORT"]\n' },
    { name: 'RUN shell form is fine', code: 'FROM node:20\nRUN npm ci\n' },
  ],
  invalid: [
    {
      name: 'a comment after an exec form makes it shell form: the message says so',
      code: 'FROM node:20\nCMD ["node", "server.js"] # start the app\nENTRYPOINT ["a", "b",]\nHEALTHCHECK CMD ["curl", "-f", "http://localhost/"]x\n',
      errors: [
        { line: 2, column: 5, endColumn: 42, message: 'not valid JSON (a comment after the closing `]`: Docker has no comments at the end of a line)' },
        { line: 3, column: 12, message: 'not valid JSON (a comma before the closing `]`)' },
        { line: 4, column: 17, message: 'not valid JSON (text after the closing `]`: `x`)' },
      ],
    },
    {
      code: 'FROM node:20\nCMD node server.js\n',
      errors: [{ line: 2, column: 5, endLine: 2, endColumn: 19, message: 'CMD ["node", "server.js"]' }],
      output: 'FROM node:20\nCMD ["node", "server.js"]\n',
    },
    {
      name: 'ENTRYPOINT with quotes',
      code: 'FROM python:3.12\nENTRYPOINT gunicorn --bind \'0.0.0.0:8000\' "app:create_app()"\n',
      errors: [{ line: 2, column: 12 }],
    },
    {
      name: 'quoted words are unquoted in the fix',
      code: 'FROM python:3.12\nENTRYPOINT gunicorn --bind \'0.0.0.0:8000\' "app:main"\n',
      errors: [{ line: 2, column: 12, endColumn: 53 }],
      output: 'FROM python:3.12\nENTRYPOINT ["gunicorn", "--bind", "0.0.0.0:8000", "app:main"]\n',
    },
    {
      name: 'exec prefix is dropped',
      code: 'FROM node:20\nCMD exec node server.js\n',
      errors: [{ line: 2, column: 5 }],
      output: 'FROM node:20\nCMD ["node", "server.js"]\n',
    },
    {
      name: 'HEALTHCHECK CMD with options',
      code: 'FROM nginx:1.27\nHEALTHCHECK --interval=5s CMD curl -fsS http://localhost/\n',
      errors: [{ line: 2, column: 31, endColumn: 58, message: 'HEALTHCHECK CMD ["curl", "-fsS", "http://localhost/"]' }],
      output: 'FROM nginx:1.27\nHEALTHCHECK --interval=5s CMD ["curl", "-fsS", "http://localhost/"]\n',
    },
    {
      name: 'continuation lines',
      code: 'FROM node:20\nCMD node \\\n    server.js\n',
      errors: [{ line: 2, column: 5, endLine: 3, endColumn: 14 }],
      output: 'FROM node:20\nCMD ["node", "server.js"]\n',
    },
    {
      name: 'no fix over a comment line inside the continuation (the one-line form would delete it)',
      code: 'FROM node:20\nCMD node \\\n    # the entry point\n    server.js\n',
      errors: [{ line: 2, column: 5, endLine: 4, endColumn: 14, message: 'use the JSON exec form: CMD ["node", "server.js"]' }],
      output: 'FROM node:20\nCMD node \\\n    # the entry point\n    server.js\n',
    },
    {
      name: "a Windows image's shell is cmd",
      code: 'FROM golang:1.22-windowsservercore-ltsc2022\nCMD app.exe --serve\n',
      errors: [{ line: 2, column: 5, endColumn: 20, message: 'CMD in shell form runs under cmd /S /C' }],
    },
    {
      name: "hadolint's shell pragma",
      code: '# hadolint shell=pwsh\nFROM acme/base:1\nCMD Start-App\n',
      errors: [{ line: 3, column: 5, endColumn: 14, message: 'CMD in shell form runs under pwsh' }],
    },
    {
      name: 'invalid JSON is shell form',
      code: "FROM node:20\nCMD ['node', 'server.js']\n",
      errors: [{ line: 2, column: 5, message: 'not valid JSON (strings need double quotes)' }],
    },
  ],
});

describe('DF026 fix availability', () => {
  const noFix = [
    'FROM node:20\nCMD node server.js --port $PORT\n',
    'FROM node:20\nCMD npm run migrate && node server.js\n',
    'FROM node:20\nCMD node server.js > /var/log/app.log 2>&1\n',
    'FROM node:20\nCMD node server.js | tee log\n',
    'FROM node:20\nCMD ls *.js\n',
    'FROM node:20\nCMD NODE_ENV=production node server.js\n',
    'FROM node:20\nCMD cd /app; node server.js\n',
    'FROM node:20\nCMD ulimit -n 4096\n',
    'FROM mcr.microsoft.com/powershell:lts\nSHELL ["pwsh", "-Command"]\nCMD Write-Host hi\n',
    'FROM mcr.microsoft.com/dotnet/framework/runtime:4.8\nENTRYPOINT app.exe --serve\n',
  ];
  for (const code of noFix) {
    it(`no fix: ${code.split('\n').slice(-2)[0]}`, () => {
      const found = runRule(rule, { code });
      expect(found).toHaveLength(1);
      expect(found[0].fix).toBeUndefined();
    });
  }
});
