import rule from '../../../src/rules/dockerfile/wget-progress.js';
import { describe, expect, it } from 'vitest';
import { ruleTester, runRule } from '../../helpers/rule-tester.js';

ruleTester(rule, {
  valid: [
    'FROM debian:12-slim\nRUN wget --progress=dot:giga https://example.com/a.tgz\n',
    'FROM debian:12-slim\nRUN wget -q https://example.com/a.tgz\n',
    'FROM debian:12-slim\nRUN wget -qO- https://example.com/install.sh | sh\n',
    'FROM debian:12-slim\nRUN wget -nv https://example.com/a.tgz\n',
    'FROM debian:12-slim\nRUN wget --no-verbose https://example.com/a.tgz\n',
    'FROM debian:12-slim\nRUN wget -o /tmp/wget.log https://example.com/a.tgz\n',
    'FROM debian:12-slim\nRUN wget --append-output=/tmp/wget.log https://example.com/a.tgz\n',
    'FROM debian:12-slim\nRUN wget -e progress=dot:mega https://example.com/a.tgz\n',
    { name: 'options from an ARG (hadolint #970)', code: 'FROM debian:12-slim\nARG WGET_ARGS="--progress=dot:giga"\nRUN wget ${WGET_ARGS} https://example.com/a.tgz\n' },
    { name: 'wget as an argument', code: 'FROM debian:12-slim\nRUN apt-get install -y wget\n' },
    { name: 'busybox wget with -q; busybox --list runs no applet', code: 'FROM busybox:1.36\nRUN busybox wget -q https://e.com/a && busybox --list wget\n' },
    // cmd does not split at `;`: all of it is PowerShell's, whose wget is Invoke-WebRequest.
    { name: 'Windows image (cmd)', code: 'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nRUN powershell -Command Sleep 2 ; wget -Uri https://example.com/a.exe -OutFile a.exe\n' },
    { name: 'PowerShell SHELL', code: 'FROM debian:12-slim\nSHELL ["pwsh", "-Command"]\nRUN wget -Uri https://example.com/a -OutFile a\n' },
  ],
  invalid: [
    {
      name: 'a BusyBox applet is the command it names (as hadolint reads `busybox wget`)',
      code: 'FROM busybox:1.36\nRUN busybox wget https://e.com/a\n',
      errors: [{ line: 2, column: 13, endLine: 2, endColumn: 17, message: 'add -q' }],
      output: 'FROM busybox:1.36\nRUN busybox wget -q https://e.com/a\n',
    },
    {
      code: 'FROM debian:12-slim\nRUN wget https://example.com/a.tgz\n',
      errors: [{ line: 2, column: 5, endLine: 2, endColumn: 9, message: 'wget without a progress setting' }],
      output: 'FROM debian:12-slim\nRUN wget --progress=dot:giga https://example.com/a.tgz\n',
    },
    {
      name: "BusyBox's wget has no --progress: -q on alpine, busybox and stages that run apk",
      code: 'FROM python:3.12-alpine\nRUN wget https://e.com/a\nFROM busybox:1.36\nRUN wget https://e.com/b\nFROM acme/base:1\nRUN apk add --no-cache bash=5.2.26-r0 && wget https://e.com/c\n',
      errors: [{ line: 2, column: 5, message: 'add -q (BusyBox' }, { line: 4, column: 5, message: 'add -q' }, { line: 6, column: 42, message: 'add -q' }],
      output: 'FROM python:3.12-alpine\nRUN wget -q https://e.com/a\nFROM busybox:1.36\nRUN wget -q https://e.com/b\nFROM acme/base:1\nRUN apk add --no-cache bash=5.2.26-r0 && wget -q https://e.com/c\n',
    },
    {
      name: 'Fedora and its relatives get -nv: wget2 (Fedora 40+) rejects --progress=dot:giga',
      code: 'FROM fedora:41\nRUN wget https://e.com/a\nFROM registry.access.redhat.com/ubi9/ubi:9.4\nRUN wget https://e.com/b\nFROM rockylinux/rockylinux:9\nRUN wget https://e.com/c\n',
      errors: [{ line: 2, column: 5, endColumn: 9, message: 'add -nv (or -q): on Fedora' }, { line: 4, column: 5, message: 'add -nv' }, { line: 6, column: 5, message: 'add -nv' }],
      output: 'FROM fedora:41\nRUN wget -nv https://e.com/a\nFROM registry.access.redhat.com/ubi9/ubi:9.4\nRUN wget -nv https://e.com/b\nFROM rockylinux/rockylinux:9\nRUN wget -nv https://e.com/c\n',
    },
    {
      name: '-O is the output document, not the log',
      code: 'FROM debian:12-slim\nRUN wget -O /tmp/a.tgz https://example.com/a.tgz && tar -xzf /tmp/a.tgz\n',
      errors: [{ line: 2, column: 5, endColumn: 9 }],
    },
    {
      name: 'a -q inside an option value does not count',
      code: 'FROM debian:12-slim\nRUN wget -O -q https://example.com/a.tgz\n',
      errors: [{ line: 2, column: 5, endColumn: 9 }],
    },
    {
      name: 'continuation line',
      code: 'FROM debian:12-slim\nRUN set -eux; \\\n    /usr/bin/wget https://example.com/a.tgz\n',
      errors: [{ line: 3, column: 5, endLine: 3, endColumn: 18 }],
      output: 'FROM debian:12-slim\nRUN set -eux; \\\n    /usr/bin/wget --progress=dot:giga https://example.com/a.tgz\n',
    },
    {
      name: 'ONBUILD trigger',
      code: 'FROM debian:12-slim\nONBUILD RUN wget https://example.com/a.tgz\n',
      errors: [{ line: 2, column: 13, endColumn: 17 }],
    },
  ],
});

describe('DF046 fix', () => {
  it.each([
    ['a base image whose tools are not known', 'FROM acme/base:1\nRUN wget https://e.com/a\n'],
    ['exec form', 'FROM debian:12\nRUN ["wget", "https://e.com/a"]\n'],
    ['a python image from another registry', 'FROM mirror.example.com/python:3.12\nRUN wget https://e.com/a\n'],
  ])('is not offered for %s', (_, code) => {
    const found = runRule(rule, { code });
    expect(found).toHaveLength(1);
    expect(found[0].fix).toBeUndefined();
  });
});
