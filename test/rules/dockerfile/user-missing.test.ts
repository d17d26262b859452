import rule from '../../../src/rules/dockerfile/user-missing.js';
import { describe, expect, it } from 'vitest';
import { applyFixes } from '../../../src/engine/fix.js';
import { runRule, ruleTester } from '../../helpers/rule-tester.js';

ruleTester(rule, {
  valid: [
    { name: 'final stage dev-envs (Docker Dev Environments)', code: 'FROM node:20 AS dev-envs\nRUN useradd -s /bin/bash -m vscode\nCMD ["sleep", "infinity"]\n' },
    { name: 'dev container (in .devcontainer/): devcontainer.json picks the user', path: '.devcontainer/Dockerfile', code: 'FROM ubuntu:24.04\nRUN apt-get update\n' },
    { name: 'a variable tag leaves the repository known (elasticsearch drops privileges)', code: 'ARG ELK_VERSION\nFROM elasticsearch:${ELK_VERSION}\n' },
    'FROM debian:12-slim\nRUN useradd --uid 10001 app\nUSER 10001\nCMD ["bash"]\n',
    { name: 'USER set by the parent stage', code: 'FROM debian:12-slim AS base\nUSER 10001\n\nFROM base\nCMD ["bash"]\n' },
    { name: 'USER root is root-user\'s business', code: 'FROM debian:12-slim\nUSER root\n' },
    { name: 'USER from a variable', code: 'FROM debian:12-slim\nARG UID=10001\nUSER ${UID}\n' },
    { name: 'distroless nonroot tag', code: 'FROM golang:1.22 AS build\nRUN go build -o /app .\nFROM gcr.io/distroless/static-debian12:nonroot\nCOPY --from=build /app /app\nCMD ["/app"]\n' },
    { name: 'distroless debug-nonroot tag', code: 'FROM gcr.io/distroless/base-debian12:debug-nonroot\nCMD ["/app"]\n' },
    { name: 'Chainguard image', code: 'FROM cgr.dev/chainguard/python:latest\nCOPY app.py /app/\nCMD ["/app/app.py"]\n' },
    { name: '*-unprivileged image', code: 'FROM nginxinc/nginx-unprivileged:1.27\nCOPY site/ /usr/share/nginx/html/\n' },
    { name: 'Bitnami image', code: 'FROM bitnami/redis:7.2\n' },
    { name: 'image that drops privileges itself', code: 'FROM postgres:16\nCOPY init.sql /docker-entrypoint-initdb.d/\n' },
    { name: 'nanoserver variant of another image (ContainerUser)', code: 'FROM mcr.microsoft.com/dotnet/runtime:8.0-nanoserver-ltsc2022\nCOPY out/ /app/\nENTRYPOINT ["dotnet", "/app/api.dll"]\n' },
    { name: '.NET distroless tag (runs as its app user)', code: 'FROM mcr.microsoft.com/dotnet/runtime:10.0-azurelinux3.0-distroless\nCOPY out/ /app/\nENTRYPOINT ["/app/app"]\n' },
    { name: '.NET distroless tag through a variable repository', code: 'ARG REPO\nFROM $REPO:8.0.30-azurelinux3.0-distroless-extra-arm64v8\n' },
    { name: '.NET chiseled', code: 'FROM mcr.microsoft.com/dotnet/aspnet:8.0-jammy-chiseled\nCOPY out/ /app/\nENTRYPOINT ["dotnet", "/app/api.dll"]\n' },
    { name: 'dev container image (devcontainer.json picks the user)', code: 'FROM mcr.microsoft.com/devcontainers/javascript-node:1-20-bookworm\nRUN npm install -g pnpm@9.4.0\n' },
    { name: 'base resolved from an ARG default', code: 'ARG BASE=gcr.io/distroless/static-debian12:nonroot\nFROM $BASE\nCOPY app /app\n' },
    { name: 'scratch export stage without CMD', code: 'FROM golang:1.22 AS build\nRUN go build -o /out/app .\nFROM scratch\nCOPY --from=build /out/app /\n' },
    { name: 'USER in a build stage the final stage builds FROM', code: 'FROM node:20-slim AS base\nUSER node\nFROM base AS prod\nCOPY . .\nCMD ["node", "server.js"]\n' },
  ],
  invalid: [
    {
      code: 'FROM python:3.12-slim\nCOPY . /app\nCMD ["python", "/app/main.py"]\n',
      errors: [{ line: 1, column: 1, endLine: 1, endColumn: 22, message: 'runs as root' }],
    },
    {
      name: 'USER only in a build stage',
      code: 'FROM golang:1.22 AS build\nUSER 10001\nRUN go build -o /tmp/app .\n\nFROM debian:12-slim AS runtime\nCOPY --from=build /tmp/app /app\nCMD ["/app"]\n',
      errors: [{ line: 5, column: 1, endLine: 5, endColumn: 31 }],
    },
    {
      name: 'scratch that runs a binary',
      code: 'FROM scratch\nCOPY app /app\nENTRYPOINT ["/app"]\n',
      errors: [{ line: 1, column: 1, endColumn: 13, message: 'USER 65534:65534' }],
    },
    {
      name: 'ONBUILD USER only applies to child images',
      code: 'FROM debian:12-slim\nONBUILD USER 10001\nCMD ["bash"]\n',
      errors: [{ line: 1, column: 1, endColumn: 20 }],
    },
    {
      name: 'distroless without the nonroot tag runs as root',
      code: 'FROM gcr.io/distroless/static-debian12\nCOPY app /app\nCMD ["/app"]\n',
      errors: [{ line: 1, column: 1, endColumn: 39 }],
    },
    {
      name: 'base from a variable that cannot be resolved',
      code: 'ARG BASE\nFROM ${BASE}\nCMD ["app"]\n',
      errors: [{ line: 2, column: 1, endColumn: 13 }],
    },
    {
      name: 'Windows Server Core runs as ContainerAdministrator',
      code: 'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nCMD ["app.exe"]\n',
      errors: [{ line: 1, column: 1, endColumn: 51, message: 'so it runs as ContainerAdministrator; add USER ContainerUser' }],
    },
    {
      name: 'fix: the node image\'s node user, before the closing metadata and the comment over it',
      code: 'FROM node:20-slim\nWORKDIR /app\nCOPY . .\nRUN npm ci\n# hadolint ignore=DL3025\nEXPOSE 3000\nCMD node server.js\n',
      errors: [{ line: 1, column: 1, endColumn: 18 }],
      output: 'FROM node:20-slim\nWORKDIR /app\nCOPY . .\nRUN npm ci\nUSER 1000:1000\n# hadolint ignore=DL3025\nEXPOSE 3000\nCMD node server.js\n',
    },
    {
      name: 'fix: the UID of the user a shipped stage creates',
      code: 'FROM python:3.12-slim AS base\nRUN groupadd -g 10001 app && useradd -r -u 10001 -g app app\nFROM base\nCOPY . /app\nCMD ["python", "/app/main.py"]\n',
      errors: [{ line: 3, column: 1, endColumn: 10 }],
      output: 'FROM python:3.12-slim AS base\nRUN groupadd -g 10001 app && useradd -r -u 10001 -g app app\nFROM base\nCOPY . /app\nUSER 10001\nCMD ["python", "/app/main.py"]\n',
    },
    {
      name: 'fix: a created user without a UID by name, after a last build step (CRLF kept)',
      code: 'FROM alpine:3.20\r\nRUN adduser -D -g "" app\r\nCOPY app /app',
      errors: [{ line: 1, column: 1, endColumn: 17 }],
      output: 'FROM alpine:3.20\r\nRUN adduser -D -g "" app\r\nCOPY app /app\r\nUSER app',
    },
    {
      name: 'fix: distroless\'s nonroot user',
      code: 'FROM gcr.io/distroless/base-debian12\nCOPY app /app\nENTRYPOINT ["/app"]\n',
      errors: [{ line: 1, column: 1, endColumn: 37 }],
      output: 'FROM gcr.io/distroless/base-debian12\nCOPY app /app\nUSER 65532:65532\nENTRYPOINT ["/app"]\n',
    },
    {
      name: 'fix: .NET 8 and later name their user in APP_UID',
      code: 'FROM mcr.microsoft.com/dotnet/aspnet:9.0\nCOPY out/ /app/\nENTRYPOINT ["dotnet", "/app/api.dll"]\n',
      errors: [{ line: 1, column: 1, endColumn: 41 }],
      output: 'FROM mcr.microsoft.com/dotnet/aspnet:9.0\nCOPY out/ /app/\nUSER $APP_UID\nENTRYPOINT ["dotnet", "/app/api.dll"]\n',
    },
    {
      name: 'fix: nobody by number on scratch',
      code: 'FROM scratch\nCOPY app /app\nENTRYPOINT ["/app"]\n',
      errors: [{ line: 1, column: 1, endColumn: 13 }],
      output: 'FROM scratch\nCOPY app /app\nUSER 65534:65534\nENTRYPOINT ["/app"]\n',
    },
    {
      name: 'fix: a new user on a Debian-based image, with useradd (not a user a build stage created)',
      code: 'FROM debian:12 AS build\nRUN useradd -u 10002 builder\nFROM python:3.12-slim\nCOPY . /app\n# start\nCMD ["python", "/app/main.py"]\n',
      errors: [{ line: 3, column: 1, endColumn: 22 }],
      output: 'FROM debian:12 AS build\nRUN useradd -u 10002 builder\nFROM python:3.12-slim\nCOPY . /app\nRUN useradd --no-log-init --uid 10001 --user-group --create-home app\nUSER 10001\n# start\nCMD ["python", "/app/main.py"]\n',
    },
    {
      name: 'fix: a new user on Alpine, with BusyBox adduser (CRLF kept)',
      code: 'FROM alpine:3.20\r\nCOPY app /app\r\nEXPOSE 8080\r\nCMD ["/app"]\r\n',
      errors: [{ line: 1, column: 1, endColumn: 17 }],
      output: 'FROM alpine:3.20\r\nCOPY app /app\r\nRUN adduser -D -u 10001 app\r\nUSER 10001\r\nEXPOSE 8080\r\nCMD ["/app"]\r\n',
    },
    {
      name: 'fix: after a heredoc that ends the file',
      code: 'FROM node:20\nRUN <<EOF\nnpm ci\nEOF',
      errors: [{ line: 1, column: 1, endColumn: 13 }],
      output: 'FROM node:20\nRUN <<EOF\nnpm ci\nEOF\nUSER 1000:1000',
    },
    {
      name: 'chain of stages, none sets USER',
      code: 'FROM node:20-slim AS base\nWORKDIR /app\nFROM base AS deps\nRUN npm ci --omit=dev\nFROM deps\nCMD ["node", "server.js"]\n',
      errors: [{ line: 5, column: 1, endColumn: 10 }],
    },
  ],
});

describe('DF100 fix', () => {
  it.each([
    ['when the base image\'s userland is unknown', 'FROM registry.acme.io/base:1\nCOPY . /app\nCMD ["python", "/app/main.py"]\n'],
    ['for a new user on a Debian-named image built on UBI', 'FROM eclipse-temurin:21-jre-ubi9-minimal\nCMD ["java", "-jar", "/app.jar"]\n'],
    ['for a new user where apache binds port 80 as root', 'FROM php:8.3-apache\nCOPY . /var/www/html/\n'],
    ['for a new user on a server image that drops privileges itself (nginx on Alpine)', 'FROM nginx:1.27-alpine\nCOPY site/ /usr/share/nginx/html/\n'],
    ['for a new user on an image the official OS and language images do not include', 'FROM acme/base:1-alpine\nCOPY app /app\nCMD ["/app"]\n'],
    ['for a new user where an entrypoint script may need root', 'FROM php:8.3-fpm-alpine\nCOPY docker-entrypoint.sh /usr/local/bin/\nENTRYPOINT ["docker-entrypoint.sh"]\nCMD ["php-fpm"]\n'],
    ['for a new user where an entrypoint drops privileges itself', 'FROM debian:12-slim\nRUN apt-get install -y gosu\nENTRYPOINT ["/entrypoint.sh"]\n'],
    ['on Windows images', 'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nCMD ["app.exe"]\n'],
    ['for a daemon\'s own account (nginx drops to it itself)', 'FROM debian:12-slim\nRUN useradd -r -u 101 nginx\nCMD ["nginx", "-g", "daemon off;"]\n'],
    ['when the entrypoint switches user with gosu', 'FROM debian:12-slim\nRUN useradd -u 999 app && apt-get install -y gosu\nENTRYPOINT ["gosu", "app", "server"]\n'],
    ['when a user is only added to a group', 'FROM debian:12-slim\nRUN adduser app staff\nCMD ["bash"]\n'],
    ['for an SSH server (sshd needs root)', 'FROM debian:12-slim\nRUN useradd -m -u 1000 git && apt-get install -y openssh-server\nEXPOSE 22\nCMD ["/usr/sbin/sshd", "-D"]\n'],
    ['for Docker in Docker', 'FROM docker:27-dind\nRUN adduser -D -u 1000 penguin\nCMD ["dockerd-entrypoint.sh"]\n'],
    ['when ONBUILD triggers would run as the new user in child images', 'FROM node:20\nONBUILD COPY . /app\nCMD ["node"]\n'],
    ['for .NET before 8 (no app user)', 'FROM mcr.microsoft.com/dotnet/aspnet:6.0\nENTRYPOINT ["dotnet", "a.dll"]\n'],
    ['for a node image from another registry', 'FROM registry.acme.io/node:20\nCMD ["node"]\n'],
  ])('is not offered %s', (_, code) => {
    const found = runRule(rule, { code });
    expect(found).toHaveLength(1);
    expect(found[0].fix).toBeUndefined();
  });

  it('is unsafe: files the build copied stay owned by root', () => {
    const [f] = runRule(rule, { code: 'FROM node:20\nCOPY . /app\nCMD ["node", "/app/a.js"]\n' });
    expect(f.fix?.applicability).toBe('unsafe');
    expect(applyFixes('FROM node:20\nCOPY . /app\nCMD ["node", "/app/a.js"]\n', [f], false).text).not.toContain('USER');
  });
});
