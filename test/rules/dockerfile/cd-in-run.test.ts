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
    { name: 'ONBUILD is not checked', code: 'FROM debian:12-slim\nONBUILD RUN cd /app && make\n' },
  ],
  invalid: [
    {
      code: 'FROM node:20-slim\nCOPY . /app\nRUN cd /app && npm ci\n',
      errors: [{ line: 3, column: 5, endLine: 3, endColumn: 7, message: 'set the directory with WORKDIR' }],
    },
    {
      name: 'one report per RUN, continuation line',
      code: 'FROM debian:12-slim\nRUN mkdir -p /srv/app && \\\n    cd /srv/app && make && cd /srv && ls\n',
      errors: [{ line: 3, column: 5, endLine: 3, endColumn: 7 }],
    },
    {
      name: 'cd in a heredoc script',
      code: 'FROM debian:12-slim\nRUN <<EOF\nset -e\ncd /srv/app\nmake\nEOF\n',
      errors: [{ line: 4, column: 1, endLine: 4, endColumn: 3 }],
    },
  ],
});
