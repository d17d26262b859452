import rule from '../../../src/rules/dockerfile/user-missing.js';
import { ruleTester } from '../../helpers/rule-tester.js';

ruleTester(rule, {
  valid: [
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
      name: 'chain of stages, none sets USER',
      code: 'FROM node:20-slim AS base\nWORKDIR /app\nFROM base AS deps\nRUN npm ci --omit=dev\nFROM deps\nCMD ["node", "server.js"]\n',
      errors: [{ line: 5, column: 1, endColumn: 10 }],
    },
  ],
});
