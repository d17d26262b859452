import rule from '../../../src/rules/dockerfile/healthcheck-missing.js';
import { ruleTester } from '../../helpers/rule-tester.js';

ruleTester(rule, {
  valid: [
    { name: 'dev container (in .devcontainer/)', path: '.devcontainer/Dockerfile', code: 'FROM node:20-slim\nEXPOSE 3000\n' },
    'FROM python:3.12-slim\nEXPOSE 8000\nHEALTHCHECK CMD ["python", "-c", "import urllib.request as u; u.urlopen(\'http://localhost:8000/\')"]\nCMD ["gunicorn", "app:app"]\n',
    { name: 'a command named like an Object property is just a word (no crash)', code: 'FROM python:3.12-slim\nCMD ["constructor", "x"]\n' },
    { name: 'HEALTHCHECK NONE is a deliberate choice', code: 'FROM python:3.12-slim\nEXPOSE 8000\nHEALTHCHECK NONE\nCMD ["gunicorn", "app:app"]\n' },
    { name: 'inherited from the parent stage', code: 'FROM nginx:1.27 AS base\nHEALTHCHECK CMD curl -fsS http://localhost/ || exit 1\n\nFROM base\nCOPY site/ /usr/share/nginx/html/\nEXPOSE 80\n' },
    { name: 'not a service: a CLI', code: 'FROM python:3.12-slim\nCOPY tool.py /usr/local/bin/tool\nENTRYPOINT ["tool"]\n' },
    { name: 'a batch job', code: 'FROM node:20-slim\nCOPY . /app\nCMD ["node", "/app/migrate.js"]\n' },
    { name: 'EXPOSE only in a build stage', code: 'FROM node:20 AS build\nEXPOSE 3000\nRUN npm ci && npm run build\n\nFROM node:20-slim\nCOPY --from=build /app/dist /app\nCMD ["node", "/app/cli.js"]\n' },
    { name: 'server name as an argument, not the program', code: 'FROM postgres:16\nCMD ["psql", "-h", "postgres"]\n' },
  ],
  invalid: [
    {
      name: 'the port as an ARG gives it',
      code: 'FROM debian:12-slim\nARG agent_port=50000\nEXPOSE ${agent_port} 8080/tcp\n',
      errors: [{ line: 1, column: 1, endColumn: 20, message: 'exposes 50000 8080/tcp' }],
    },
    {
      name: 'EXPOSE',
      code: 'FROM python:3.12-slim\nCOPY . /app\nEXPOSE 8000\nCMD ["python", "/app/main.py"]\n',
      errors: [{ line: 1, column: 1, endLine: 1, endColumn: 22, message: 'exposes 8000' }],
    },
    {
      name: 'CMD starts a server behind tini',
      code: 'FROM python:3.12-slim\nENTRYPOINT ["tini", "--"]\nCMD ["gunicorn", "-b", "0.0.0.0:8000", "app:app"]\n',
      errors: [{ line: 1, column: 1, message: 'starts a server (gunicorn)' }],
    },
    {
      name: 'python -m uvicorn in shell form',
      code: 'FROM python:3.12-slim\nCMD python -m uvicorn main:app --host 0.0.0.0\n',
      errors: [{ line: 1, column: 1, message: '(uvicorn)' }],
    },
    {
      name: 'rails server',
      code: 'FROM ruby:3.3-slim\nCMD ["bundle", "exec", "rails", "server", "-b", "0.0.0.0"]\n',
      errors: [{ line: 1, column: 1, message: '(rails server)' }],
    },
    {
      name: 'node server.js',
      code: 'FROM node:20-slim\nCMD ["node", "dist/server.js"]\n',
      errors: [{ line: 1, column: 1, message: 'node dist/server.js' }],
    },
    {
      name: 'server base image',
      code: 'FROM nginx:1.27-alpine\nCOPY site/ /usr/share/nginx/html/\n',
      errors: [{ line: 1, column: 1, endColumn: 23, message: 'runs nginx' }],
    },
    {
      name: 'final stage of a multi-stage build; EXPOSE in a shipped parent stage',
      code: 'FROM node:20-slim AS base\nEXPOSE 3000\n\nFROM node:20 AS build\nRUN npm ci\n\nFROM base AS prod\nCOPY --from=build /app /app\nCMD ["node", "/app/index.js"]\n',
      errors: [{ line: 7, column: 1, endColumn: 18, message: 'exposes 3000' }],
    },
    {
      name: 'HEALTHCHECK only in an unrelated build stage',
      code: 'FROM node:20 AS build\nHEALTHCHECK CMD true\n\nFROM node:20-slim\nEXPOSE 3000\nCMD ["node", "index.js"]\n',
      errors: [{ line: 4, column: 1 }],
    },
  ],
});
