import rule from '../../../src/rules/dockerfile/full-base-image.js';
import { ruleTester } from '../../helpers/rule-tester.js';

ruleTester(rule, {
  valid: [
    { name: 'dev container (in .devcontainer/)', path: 'app/.devcontainer/Dockerfile', code: 'FROM python:3.12\n' },
    'FROM python:3.12-slim\n',
    'FROM python:3.12-slim-bookworm\n',
    'FROM node:20-alpine3.20\n',
    'FROM node:20-bookworm-slim\n',
    'FROM eclipse-temurin:21-jre-alpine\n',
    'FROM openjdk:11-jre-slim\n',
    'FROM debian:12\n',
    'FROM mcr.microsoft.com/dotnet/aspnet:8.0\n',
    { name: 'toolchain image in a build stage only', code: 'FROM golang:1.22 AS build\nRUN go build -o /out/app .\nFROM gcr.io/distroless/static-debian12\nCOPY --from=build /out/app /app\n' },
    { name: 'unresolvable variable', code: 'ARG PY\nFROM python:${PY}\n' },
    { name: 'digest only', code: 'FROM python@sha256:4f2c6a7c0e7f5d1f0a4b8e3c2d1e0f9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c4d3e\n' },
    { name: 'unknown image', code: 'FROM mycorp/python:3.12\n' },
    { name: 'buildpack-deps -scm tier (curl and VCS tools, no compilers)', code: 'FROM buildpack-deps:bookworm-scm\n' },
    { name: 'Windows Nano Server tag', code: 'FROM node:4.4.7-nano\n' },
    { name: 'the maven image itself runs mvn, which needs the JDK', code: 'FROM eclipse-temurin:21-jdk-noble\nENTRYPOINT ["/usr/local/bin/mvn-entrypoint.sh"]\nCMD ["mvn"]\n' },
    { name: 'a JDK image that sets up Gradle', code: 'FROM openjdk:17\nENV GRADLE_HOME=/opt/gradle\n' },
  ],
  invalid: [
    ...[
      ['trixie', 'debian:trixie-slim'],
      ['bullseye', 'debian:bullseye-slim'],
      ['jammy', 'ubuntu:jammy'],
      ['noble@sha256:4f2c6a7c0e7f5d1f0a4b8e3c2d1e0f9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c4d3e', 'ubuntu:noble'],
      ['weird', 'debian:12-slim'],
    ].map(([tag, base]) => ({
      name: `buildpack-deps:${tag} is told to use the slim image of its own release, ${base}`,
      code: `FROM buildpack-deps:${tag}\n`,
      errors: [{ line: 1, column: 6, endColumn: 21 + tag.length, message: `use ${base} (or distroless)` }],
    })),
    {
      name: 'a Windows toolchain image is told to ship on Nano Server, not Linux distroless',
      code: 'FROM golang:1.9-nanoserver\n',
      errors: [{ line: 1, column: 6, endColumn: 27, message: 'into mcr.microsoft.com/windows/nanoserver' }],
    },
    {
      name: 'a JDK image running the application jar',
      code: 'FROM eclipse-temurin:21-jdk\nCOPY app.jar /app.jar\nCMD ["java", "-jar", "/app.jar"]\n',
      errors: [{ line: 1, column: 6, endColumn: 28, message: 'ships a full JDK' }],
    },
    {
      code: 'FROM python:3.12\nCOPY . /app\n',
      errors: [{ line: 1, column: 6, endLine: 1, endColumn: 17, message: 'use python:3.12-slim' }],
    },
    {
      name: 'codename tag',
      code: 'FROM python:3.12-bookworm\n',
      errors: [{ line: 1, column: 6, endColumn: 26, message: 'python:3.12-slim-bookworm' }],
    },
    {
      name: 'node codename tag suggests the node spelling',
      code: 'FROM node:20-bookworm\n',
      errors: [{ line: 1, column: 6, message: 'node:20-bookworm-slim' }],
    },
    {
      name: 'no tag',
      code: 'FROM ruby\n',
      errors: [{ line: 1, column: 6, endColumn: 10, message: 'ruby:slim' }],
    },
    {
      name: 'golang is a toolchain whatever the tag',
      code: 'FROM golang:1.22-alpine\nCOPY . .\nRUN go build -o /app .\n',
      errors: [{ line: 1, column: 6, endColumn: 24, message: 'build toolchain' }],
    },
    {
      name: 'JDK image',
      code: 'FROM eclipse-temurin:21\nCOPY app.jar /app.jar\n',
      errors: [{ line: 1, column: 6, message: 'full JDK' }],
    },
    {
      name: 'resolved from an ARG default; points at the word as written',
      code: 'ARG NODE_VERSION=20\nFROM node:${NODE_VERSION}\n',
      errors: [{ line: 2, column: 6, endColumn: 26, message: 'node:20 is the full-size variant' }],
    },
    {
      name: 'final stage builds FROM a stage on a full image',
      code: 'FROM node:20 AS base\nWORKDIR /app\n\nFROM base AS prod\nCMD ["node", "server.js"]\n',
      errors: [{ line: 1, column: 6, endColumn: 13 }],
    },
    {
      name: '.NET SDK',
      code: 'FROM mcr.microsoft.com/dotnet/sdk:8.0\n',
      errors: [{ line: 1, column: 6, message: 'mcr.microsoft.com/dotnet/aspnet' }],
    },
    {
      name: 'docker.io prefix',
      code: 'FROM docker.io/library/python:3.12\n',
      errors: [{ line: 1, column: 6, message: 'use docker.io/library/python:3.12-slim' }],
    },
  ],
});
