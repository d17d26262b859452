import rule from '../../../src/rules/dockerfile/pipefail-missing.js';
import { describe, expect, it } from 'vitest';
import { ruleTester, runRule } from '../../helpers/rule-tester.js';

ruleTester(rule, {
  valid: [
    { name: 'set -o pipefail in the group that holds the pipe', code: 'FROM alpine:3.20\nRUN { set -o pipefail; wget -qO- https://x/a.tgz | tar -xz; }\n' },
    'FROM debian:12-slim\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nRUN curl -fsSL https://example.com/a.tgz | tar -xz\n',
    'FROM alpine:3.20\nSHELL ["/bin/ash", "-eo", "pipefail", "-c"]\nRUN wget -qO- https://example.com/a.tgz | tar -xz\n',
    'FROM debian:12-slim\nRUN curl -fsSLo /tmp/a.tgz https://example.com/a.tgz || true\n',
    { name: 'a pipe inside quotes is not a pipe', code: 'FROM debian:12-slim\nRUN echo "a | b" > /x\n' },
    { name: 'SHELL inherited from the parent stage', code: 'FROM debian:12-slim AS base\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nFROM base\nRUN curl -fsSL https://example.com/a.tgz | tar -xz\n' },
    { name: 'non-POSIX shell', code: 'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nSHELL ["powershell", "-Command"]\nRUN Get-ChildItem C:\\ | Select-Object Name\n' },
    { name: "a Windows image's default shell is cmd", code: 'FROM mcr.microsoft.com/windows/nanoserver:ltsc2022\nRUN type a.txt | findstr b\n' },
    { name: "hadolint's shell pragma names the base image's shell", code: '# hadolint shell=powershell\nFROM acme/base:1\nRUN Get-ChildItem | Select-Object Name\n' },
    { name: 'heredoc script sets pipefail', code: 'FROM debian:12-slim\nRUN <<EOF\nset -eo pipefail\ncurl -fsSL https://example.com/a.tgz | tar -xz\nEOF\n' },
    { name: 'set -o pipefail before the pipe', code: 'FROM debian:12-slim\nRUN set -euxo pipefail; curl -fsSL https://example.com/a.tgz | tar -xz\n' },
    { name: 'left side cannot fail', code: 'FROM debian:12-slim\nRUN echo "${SHA256}  /tmp/a.tgz" | sha256sum -c - && printf "%s\\n" a b | sort > /x\n' },
    { name: 'a group or subshell of commands that cannot fail (docker-library php)', code: 'FROM debian:12-slim\nRUN { echo "[global]"; echo "error_log = /proc/self/fd/2"; } | tee /usr/local/etc/php-fpm.d/docker.conf && (printf "a\\n"; echo "}") | sort > /x\n' },
    { name: 'a pipe whose status is thrown away: an argument, export', code: 'FROM debian:12-slim\nRUN cp buildx "$(ls /usr/libexec/buildx* | sed -n 1p)" && export TAG=$(git describe | cut -d- -f1)\n' },
    { name: 'exec form whose shell sets pipefail', code: 'FROM debian:12-slim\nRUN ["/bin/bash", "-o", "pipefail", "-c", "curl -fsSL https://x/a.tgz | tar -xz"]\n' },
    { name: 'exec form without a shell', code: 'FROM debian:12-slim\nRUN ["/bin/echo", "a|b"]\n' },
  ],
  invalid: [
    { name: 'set -o pipefail in a subshell does not reach the pipe', code: 'FROM alpine:3.20\nRUN (set -o pipefail) && wget -qO- https://x/a.tgz | tar -xz\n', errors: [{ line: 2, column: 52 }] },
    {
      name: 'no fix where a later RUN of the stage pipes from yes or into head: pipefail would fail it on SIGPIPE',
      code: 'FROM debian:12\nRUN curl -fsSL https://x/a.tgz | tar -xz -C /opt\nRUN yes | apt-get install -y --no-install-recommends foo=1.0\nRUN ls /opt | head -1\n',
      errors: [{ line: 2, column: 32 }, { line: 4, column: 13 }],
      output: 'FROM debian:12\nRUN curl -fsSL https://x/a.tgz | tar -xz -C /opt\nRUN yes | apt-get install -y --no-install-recommends foo=1.0\nRUN ls /opt | head -1\n',
    },
    {
      name: 'the fix stays where a SHELL comes before such a RUN',
      code: 'FROM debian:12\nRUN curl -fsSL https://x/a.tgz | tar -xz -C /opt\nSHELL ["/bin/sh", "-c"]\nRUN yes | apt-get install -y foo=1.0\n',
      errors: [{ line: 2, column: 32 }],
      output: 'FROM debian:12\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nRUN curl -fsSL https://x/a.tgz | tar -xz -C /opt\nSHELL ["/bin/sh", "-c"]\nRUN yes | apt-get install -y foo=1.0\n',
    },
    {
      name: 'under a SHELL naming bash, the script may set pipefail itself',
      code: 'FROM debian:12-slim\nSHELL ["/bin/bash", "-c"]\nRUN curl -fsSL https://example.com/a.tgz | tar -xz\n',
      errors: [{ line: 3, column: 42, message: '(or `set -o pipefail` at the start of the script)' }],
    },
    {
      name: 'no fix when an ARG picks the base stage (its distribution, and shell, can change)',
      code: 'ARG BASE_VARIANT=alpine\nFROM golang:1.23-alpine AS build-alpine\nFROM golang:1.23-bookworm AS build-bookworm\nFROM build-${BASE_VARIANT} AS build\nRUN go version | grep -q go1\n',
      errors: [{ line: 5, column: 16, endColumn: 17, message: '"/bin/ash"' }],
      output: 'ARG BASE_VARIANT=alpine\nFROM golang:1.23-alpine AS build-alpine\nFROM golang:1.23-bookworm AS build-bookworm\nFROM build-${BASE_VARIANT} AS build\nRUN go version | grep -q go1\n',
    },
    {
      name: 'a group with a command that can fail',
      code: 'FROM debian:12-slim\nRUN { echo "# generated"; cat /etc/app.conf; } | tee /x\n',
      errors: [{ line: 2, column: 48, endColumn: 49 }],
    },
    {
      name: 'a pipe in a plain assignment decides its status; the first risky pipe is reported',
      code: 'FROM debian:12-slim\nRUN echo "$(lsb_release -cs | tr a b)" > /x && V=$(curl -fsSL https://e.com/v | jq -r .tag) && echo $V\n',
      errors: [{ line: 2, column: 79, endColumn: 80 }],
    },
    {
      code: 'FROM debian:12-slim\nRUN curl -fsSL https://example.com/a.tgz | tar -xz\n',
      errors: [{ line: 2, column: 42, endLine: 2, endColumn: 43, message: 'A failure on the left of this pipe is ignored; set SHELL ["/bin/bash", "-o", "pipefail", "-c"] before this RUN (not `set -o pipefail` in the script: dash, the /bin/sh of Debian and Ubuntu, rejects it).' }],
      output: 'FROM debian:12-slim\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nRUN curl -fsSL https://example.com/a.tgz | tar -xz\n',
    },
    {
      name: 'alpine has no bash: the suggestion is ash, also in a stage built on an alpine stage',
      code: 'FROM node:20-alpine AS base\nFROM base\nRUN wget -qO- https://example.com/a.tgz | tar -xz\n',
      errors: [{ line: 3, column: 41, endColumn: 42, message: 'set SHELL ["/bin/ash", "-o", "pipefail", "-c"] before this RUN (or `set -o pipefail` at the start of the script).' }],
      output: 'FROM node:20-alpine AS base\nFROM base\nSHELL ["/bin/ash", "-o", "pipefail", "-c"]\nRUN wget -qO- https://example.com/a.tgz | tar -xz\n',
    },
    {
      name: 'an image named as built on alpine gets ash too',
      code: 'FROM ghcr.io/linuxserver/baseimage-alpine-nginx:3.24\nRUN wget -qO- https://example.com/a.tgz | tar -xz\n',
      errors: [{ line: 2, column: 41, message: 'set SHELL ["/bin/ash", "-o", "pipefail", "-c"]' }],
    },
    {
      name: 'a stage (or the stage it builds on) that runs apk is on alpine, whatever its base is called',
      code: 'FROM acme/base:1 AS base\nRUN apk add --no-cache curl=8.9.1-r0\nFROM base\nRUN wget -qO- https://example.com/a.tgz | tar -xz\nFROM acme/base:1\nRUN ls | wc -l\n',
      errors: [{ line: 4, column: 41, message: '"/bin/ash"' }, { line: 6, column: 8, message: '"/bin/bash"' }],
    },
    {
      name: 'busybox: its sh',
      code: 'FROM busybox:1.36\nRUN wget -qO- https://example.com/a.tgz | tar -xz\n',
      errors: [{ line: 2, column: 41, endColumn: 42, message: 'set SHELL ["/bin/sh", "-o", "pipefail", "-c"]' }],
    },
    {
      name: 'first pipe on a continuation line',
      code: 'FROM debian:12-slim\nRUN set -e && \\\n    wget -qO- https://example.com/a.tgz \\\n      | tar -xz\n',
      errors: [{ line: 4, column: 7, endLine: 4, endColumn: 8 }],
    },
    {
      name: 'SHELL without pipefail',
      code: 'FROM debian:12-slim\nSHELL ["/bin/bash", "-c"]\nRUN cat /etc/os-release |& grep -q bookworm\n',
      errors: [{ line: 3, column: 25, endColumn: 27 }],
      output: 'FROM debian:12-slim\nSHELL ["/bin/bash", "-c"]\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nRUN cat /etc/os-release |& grep -q bookworm\n',
    },
    {
      name: 'the SHELL goes above the comments over the RUN, so a pragma for the RUN stays next to it',
      code: 'FROM debian:12-slim\nRUN true\n\n# fetch the tool\n# hadolint ignore=DL3047\nRUN wget -qO- https://e.com/a.tgz | tar -xz\n',
      errors: [{ line: 6, column: 35 }],
      output: 'FROM debian:12-slim\nRUN true\n\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\n# fetch the tool\n# hadolint ignore=DL3047\nRUN wget -qO- https://e.com/a.tgz | tar -xz\n',
    },
    {
      name: 'one SHELL per stage, before its first risky RUN, indented and with the line ending of the file',
      code: 'FROM debian:12-slim\r\n  RUN ls | wc -l\r\nRUN ps | grep x\r\nFROM debian:12-slim\r\nSHELL ["/usr/bin/zsh", "-e", "-c"]\r\nRUN ls | wc -l\r\n',
      errors: [{ line: 2, column: 10 }, { line: 3, column: 8 }, { line: 6, column: 8 }],
      output: 'FROM debian:12-slim\r\n  SHELL ["/bin/bash", "-o", "pipefail", "-c"]\r\n  RUN ls | wc -l\r\nRUN ps | grep x\r\nFROM debian:12-slim\r\nSHELL ["/usr/bin/zsh", "-e", "-c"]\r\nSHELL ["/usr/bin/zsh", "-o", "pipefail", "-e", "-c"]\r\nRUN ls | wc -l\r\n',
    },
    {
      name: 'SHELL of an unrelated stage does not help',
      code: 'FROM debian:12-slim AS a\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nFROM debian:12-slim\nRUN ls | wc -l\n',
      errors: [{ line: 4, column: 8, endColumn: 9 }],
    },
    {
      name: 'pipefail set after the pipe',
      code: 'FROM debian:12-slim\nRUN <<EOF\ncurl -fsSL https://example.com/a.tgz | tar -xz\nset -o pipefail\nEOF\n',
      errors: [{ line: 3, column: 38, endLine: 3, endColumn: 39 }],
    },
    {
      name: 'reported at the first pipe whose left side can fail',
      code: 'FROM debian:12-slim\nRUN echo a | grep a | wc -l\n',
      errors: [{ line: 2, column: 21, endColumn: 22 }],
    },
    {
      name: 'a group on the left can fail',
      code: 'FROM debian:12-slim\nRUN { curl -fsSL https://example.com/a.tgz; echo; } | tar -xz\n',
      errors: [{ line: 2, column: 53, endColumn: 54 }],
    },
    {
      name: 'exec form running a shell script',
      code: 'FROM debian:12-slim\nRUN ["/bin/sh", "-c", "ls | wc -l"]\n',
      errors: [{ line: 2, column: 27, endColumn: 28, message: 'this exec form runs its own shell, which SHELL does not change: run it as ["/bin/bash", "-o", "pipefail", "-c", "..."]' }],
    },
    {
      name: 'a SHELL with pipefail does not reach an exec form',
      code: 'FROM debian:12-slim\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nRUN ["/bin/sh", "-c", "curl -fsSL https://x/a.tgz | tar -xz"]\n',
      errors: [{ line: 3, column: 51, endColumn: 52 }],
    },
  ],
});

describe('DF072 fix', () => {
  it('is not offered for an exec-form RUN, which SHELL does not reach', () => {
    const found = runRule(rule, { code: 'FROM debian:12-slim\nRUN ["/bin/sh", "-c", "ls | wc -l"]\n' });
    expect(found).toHaveLength(1);
    expect(found[0].fix).toBeUndefined();
  });

  it('uses the suggested shell in place of a SHELL whose pipefail is not known (sh is dash on Debian)', () => {
    const found = runRule(rule, { code: 'FROM debian:12-slim\nSHELL ["/bin/sh", "-c"]\nRUN ls | wc -l\n' });
    expect(found[0].fix?.edits[0].text).toBe('SHELL ["/bin/bash", "-o", "pipefail", "-c"]\n');
    expect(found[0].fix?.applicability).toBe('unsafe');
  });
});
