import rule from '../../../src/rules/dockerfile/toolchain-in-final-stage.js';
import { ruleTester } from '../../helpers/rule-tester.js';

ruleTester(rule, {
  valid: [
    { name: 'a browser\'s dev channel is not a header package', code: 'FROM debian:12-slim\nRUN apt-get update && apt-get install -y microsoft-edge-dev && rm -rf /var/lib/apt/lists/*\n' },
    { name: 'dev container (in .devcontainer/): meant to hold the toolchain', path: '.devcontainer/Dockerfile', code: 'FROM debian:12\nRUN apt-get update && apt-get install -y --no-install-recommends build-essential=12.9\n' },
    { name: 'dev container image with a tag from an ARG without a default', code: 'ARG VARIANT\nFROM mcr.microsoft.com/vscode/devcontainers/base:0-${VARIANT}\nRUN apt-get update && apt-get install -y --no-install-recommends cmake=3.25.1-1\n' },
    { name: 'dev container image', code: 'FROM mcr.microsoft.com/devcontainers/cpp:1-debian-12\nRUN apt-get update && apt-get install -y --no-install-recommends cmake=3.25.1-1\n' },
    { name: 'toolchain only in the build stage', code: 'FROM golang:1.22 AS build\nRUN apt-get update && apt-get install -y gcc\nRUN go build -o /out/app .\n\nFROM gcr.io/distroless/static-debian12\nCOPY --from=build /out/app /app\n' },
    { name: 'apk --virtual group removed in the same RUN', code: 'FROM python:3.12-alpine\nRUN apk add --no-cache --virtual .build-deps gcc musl-dev libffi-dev \\\n && pip install --no-cache-dir cffi==1.16.0 \\\n && apk del .build-deps\n' },
    { name: 'purged through a variable list', code: 'FROM python:3.12-slim\nRUN buildDeps="gcc libpq-dev" \\\n && apt-get update && apt-get install -y $buildDeps \\\n && pip install psycopg2==2.9.9 \\\n && apt-get purge -y --auto-remove $buildDeps\n' },
    { name: 'apt-mark auto then --auto-remove (official images pattern)', code: 'FROM debian:12-slim\nRUN savedAptMark="$(apt-mark showmanual)"; \\\n apt-get update; apt-get install -y --no-install-recommends gcc make; \\\n make -C /src install; \\\n apt-mark auto \'.*\' > /dev/null; apt-mark manual $savedAptMark; \\\n apt-get purge -y --auto-remove -o APT::AutoRemove::RecommendsImportant=false\n' },
    { name: 'removed by name in a later RUN', code: 'FROM debian:12-slim\nRUN apt-get update && apt-get install -y make\nRUN make -C /src install\nRUN apt-get purge -y make\n' },
    { name: 'runtime libraries are fine', code: 'FROM debian:12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends libpq5 ca-certificates\n' },
    { name: 'npm run build followed by npm prune', code: 'FROM node:20-slim\nCOPY . .\nRUN npm ci && npm run build && npm prune --omit=dev\nCMD ["node", "dist/server.js"]\n' },
    { name: 'go run / go test are not builds of the shipped binary', code: 'FROM golang:1.22\nRUN go version\n' },
    { name: 'udev is not a -dev package', code: 'FROM debian:12-slim\nRUN apt-get install -y udev\n' },
  ],
  invalid: [
    {
      code: 'FROM golang:1.22\nWORKDIR /src\nCOPY . .\nRUN go build -o /usr/local/bin/app .\nCMD ["app"]\n',
      errors: [{ line: 4, column: 5, endLine: 4, endColumn: 13, message: '`go build`' }],
    },
    {
      name: 'compiler package, second line of a continuation',
      code: 'FROM python:3.12-slim\nRUN apt-get update \\\n && apt-get install -y --no-install-recommends build-essential libpq-dev \\\n && rm -rf /var/lib/apt/lists/*\n',
      errors: [{ line: 3, column: 48, endColumn: 63, message: 'build-essential is a build-time package' }],
    },
    {
      name: '-dev package on alpine',
      code: 'FROM python:3.12-alpine\nRUN apk add --no-cache postgresql-dev\n',
      errors: [{ line: 2, column: 24, endColumn: 38 }],
    },
    {
      name: 'RHEL -devel and group install',
      code: 'FROM rockylinux:9\nRUN dnf groupinstall -y "Development Tools"\nRUN dnf install -y openssl-devel\n',
      errors: [{ line: 2, column: 25, endColumn: 44 }, { line: 3, column: 20, endColumn: 33 }],
    },
    {
      name: 'only the package not removed is reported',
      code: 'FROM debian:12-slim\nRUN apt-get install -y gcc make && make && apt-get purge -y gcc\n',
      errors: [{ line: 2, column: 28, endColumn: 32, message: 'make' }],
    },
    {
      name: 'a virtual group that is never deleted',
      code: 'FROM alpine:3.20\nRUN apk add --virtual .build-deps gcc\n',
      errors: [{ line: 2, column: 35 }],
    },
    {
      name: 'mvn package in the shipped image (wrapper with flags)',
      code: 'FROM maven:3.9-eclipse-temurin-21\nCOPY . /src\nRUN ./mvnw -B -DskipTests package\nCMD ["java", "-jar", "/src/target/app.jar"]\n',
      errors: [{ line: 3, column: 5, endColumn: 34, message: '`mvnw package`' }],
    },
    {
      name: 'npm run build keeps devDependencies',
      code: 'FROM node:20-slim\nCOPY . .\nRUN npm ci && npm run build\nCMD ["node", "dist/server.js"]\n',
      errors: [{ line: 3, column: 15, endColumn: 28, message: '`npm run build`' }],
    },
    {
      name: 'shipped parent stage',
      code: 'FROM rust:1.79 AS base\nRUN cargo build --release\nFROM base\nCMD ["/target/release/app"]\n',
      errors: [{ line: 2, column: 5, endColumn: 16 }],
    },
    {
      name: 'one finding per RUN',
      code: 'FROM debian:12-slim\nRUN apt-get install -y gcc g++ make\n',
      errors: [{ line: 2, column: 24, endColumn: 27 }],
    },
  ],
});
