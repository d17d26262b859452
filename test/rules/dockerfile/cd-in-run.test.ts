import rule from '../../../src/rules/dockerfile/cd-in-run.js';
import { ruleTester } from '../../helpers/rule-tester.js';

ruleTester(rule, {
  valid: [
    'FROM node:20-slim\nWORKDIR /app\nRUN npm ci\n',
    { name: 'cd in a subshell is scoped on purpose', code: 'FROM debian:12-slim\nRUN (cd /src && make) && cp /src/app /usr/local/bin/\n' },
    { name: 'cd in a command substitution', code: 'FROM debian:12-slim\nRUN ln -s "$(cd /opt/app && pwd -P)" /app\n' },
    { name: 'build in a temporary directory (hadolint #422)', code: 'FROM debian:12-slim\nRUN git clone https://example.com/jo.git /tmp/jo && cd /tmp/jo && make install\n' },
    { name: 'mktemp', code: 'FROM debian:12-slim\nRUN cd "$(mktemp -d)" && curl -fsSLO https://example.com/a.tgz\n' },
    {
      name: 'directory removed later in the same RUN (hadolint #70)',
      code: 'FROM debian:12-slim\nRUN wget -q https://example.com/Python-2.7.6.tar.xz \\\n && tar xf Python-2.7.6.tar.xz \\\n && cd Python-2.7.6 \\\n && ./configure && make altinstall \\\n && cd .. \\\n && rm -rf Python-2.7.6 Python-2.7.6.tar.xz\n',
    },
    { name: 'cd / leaves a directory the RUN then deletes (docker-library style)', code: 'FROM alpine:3.20\nRUN cd /usr/src/python && make -j2 && cd /; rm -rf /usr/src/python\n' },
    { name: 'cd to a folder above a temporary directory, and bare cd', code: 'FROM debian:12-slim\nRUN cd /tmp/build && make && cd /tmp && rm -rf build && cd && ls\n' },
    { name: 'php source tree deleted by docker-php-source', code: 'FROM php:8.3-alpine\nRUN docker-php-source extract && cd /usr/src/php && ./configure && make && docker-php-source delete\n' },
    { name: 'ONBUILD is not checked', code: 'FROM debian:12-slim\nONBUILD RUN cd /app && make\n' },
  ],
  invalid: [
    {
      code: 'FROM node:20-slim\nCOPY . /app\nRUN cd /app && npm ci\n',
      errors: [{ line: 3, column: 5, endLine: 3, endColumn: 7, message: 'set the directory with WORKDIR' }],
    },
    {
      name: '`builtin cd` is a cd',
      code: 'FROM node:20-slim\nRUN builtin cd /app && npm ci\n',
      errors: [{ line: 2, column: 13, endLine: 2, endColumn: 15 }],
    },
    {
      name: 'one report per RUN, continuation line',
      code: 'FROM debian:12-slim\nRUN mkdir -p /srv/app && \\\n    cd /srv/app && make && cd /srv && ls\n',
      errors: [{ line: 3, column: 5, endLine: 3, endColumn: 7 }],
    },
    {
      name: 'cd / without an earlier exempt cd in the same RUN',
      code: 'FROM alpine:3.20\nRUN cd /usr/src/python && make\nRUN cd / && rm -rf /usr/src/python\n',
      errors: [{ line: 2, column: 5, endColumn: 7 }, { line: 3, column: 5, endColumn: 7 }],
    },
    {
      name: 'docker-php-source delete removes only /usr/src/php',
      code: 'FROM php:8.3-alpine\nRUN cd /usr/src/app && make && docker-php-source delete\n',
      errors: [{ line: 2, column: 5, endColumn: 7 }],
    },
    {
      name: 'a cd elsewhere after an exempt one',
      code: 'FROM alpine:3.20\nRUN cd /tmp/build && make && cd /app && npm ci\n',
      errors: [{ line: 2, column: 30, endColumn: 32 }],
    },
    {
      name: 'cd in a heredoc script',
      code: 'FROM debian:12-slim\nRUN <<EOF\nset -e\ncd /srv/app\nmake\nEOF\n',
      errors: [{ line: 4, column: 1, endLine: 4, endColumn: 3 }],
    },
  ],
});
