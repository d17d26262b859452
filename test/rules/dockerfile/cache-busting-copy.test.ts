import rule from '../../../src/rules/dockerfile/cache-busting-copy.js';
import { ruleTester } from '../../helpers/rule-tester.js';

ruleTester(rule, {
  valid: [
    'FROM node:20-slim\nWORKDIR /app\nCOPY package.json package-lock.json ./\nRUN npm ci\nCOPY . .\nRUN npm run build\n',
    { name: 'go.mod first', code: 'FROM golang:1.22 AS build\nCOPY go.mod go.sum ./\nRUN go mod download\nCOPY . .\nRUN go build -o /app .\n' },
    { name: 'second install after the source copy adds only the project', code: 'FROM python:3.12-slim\nCOPY pyproject.toml poetry.lock ./\nRUN poetry install --no-root\nCOPY . .\nRUN poetry install --only-root\n' },
    { name: 'no dependency install at all', code: 'FROM nginx:1.27\nCOPY . /usr/share/nginx/html\n' },
    { name: 'npm install <pkg> is not a lockfile install', code: 'FROM node:20-slim\nCOPY . .\nRUN npm install -g serve@14.2.3\n' },
    { name: 'pip install of named packages', code: 'FROM python:3.12-slim\nCOPY . /app\nRUN pip install flask==3.0.3\n' },
    { name: 'COPY --from is not the build context', code: 'FROM node:20 AS deps\nRUN npm ci\nFROM node:20-slim\nCOPY --from=deps . .\nRUN npm ci\n' },
    { name: 'whole copy in another stage', code: 'FROM node:20 AS src\nCOPY . .\nFROM node:20-slim\nCOPY package*.json ./\nRUN npm ci\n' },
    { name: 'yarn --version is not an install', code: 'FROM node:20-slim\nCOPY . .\nRUN yarn --version\n' },
  ],
  invalid: [
    {
      name: 'a manifest named by its path in the image is named as the context file',
      code: 'FROM python:3.12-slim\nCOPY . /usr/src/app\nRUN pip install -r /usr/src/app/requirements.txt\n',
      errors: [{ line: 2, column: 1, endColumn: 20, message: 'copy requirements.txt first' }],
    },
    {
      code: 'FROM node:20-slim\nWORKDIR /app\nCOPY . .\nRUN npm ci\n',
      errors: [{ line: 3, column: 1, endLine: 3, endColumn: 9, message: 'before `npm ci` (line 4)' }],
    },
    {
      name: 'ADD . /app and pip -r',
      code: 'FROM python:3.12-slim\nADD . /app\nWORKDIR /app\nRUN pip install --no-cache-dir -r requirements.txt\n',
      errors: [{ line: 2, column: 1, endColumn: 11, message: 'copy requirements.txt first' }],
    },
    {
      name: 'manifest copied but not installed before the whole copy',
      code: 'FROM node:20-slim\nCOPY package.json yarn.lock ./\nCOPY --chown=node:node . .\nRUN yarn install --frozen-lockfile\n',
      errors: [{ line: 3, column: 1, endColumn: 27, message: '`yarn install`' }],
    },
    {
      name: 'install on a continuation line; one finding per stage',
      code: 'FROM golang:1.22\nCOPY . /src\nRUN cd /src && \\\n    go mod download\nRUN go mod download\n',
      errors: [{ line: 2, column: 1, message: '`go mod download` (line 4)' }],
    },
    {
      name: 'exec-form COPY',
      code: 'FROM ruby:3.3-slim\nCOPY [".", "/app"]\nRUN bundle install\n',
      errors: [{ line: 2, column: 1, endColumn: 19, message: 'Gemfile and Gemfile.lock' }],
    },
    {
      name: 'another ecosystem installed earlier does not help',
      code: 'FROM python:3.12-slim\nCOPY package.json package-lock.json ./\nRUN npm ci\nCOPY . .\nRUN python -m pip install -r requirements.txt\n',
      errors: [{ line: 4, column: 1, message: '`pip install -r requirements.txt`' }],
    },
    {
      name: 'maven package',
      code: 'FROM maven:3.9-eclipse-temurin-21 AS build\nCOPY . /src\nRUN mvn -B -f /src/pom.xml package\n',
      errors: [{ line: 2, column: 1, message: '`mvn package`' }],
    },
    {
      name: 'each stage separately',
      code: 'FROM node:20 AS web\nCOPY . .\nRUN npm ci\nFROM composer:2 AS php\nCOPY . .\nRUN composer install --no-dev\n',
      errors: [{ line: 2, column: 1 }, { line: 5, column: 1, message: 'composer.json and composer.lock' }],
    },
  ],
});
