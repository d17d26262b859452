import rule from '../../../src/rules/dockerfile/pipe-to-shell.js';
import { ruleTester } from '../../helpers/rule-tester.js';

ruleTester(rule, {
  valid: [
    { name: 'a curl inside a plain sh -c script is one of its commands', code: "FROM debian:12-slim\nRUN sh -c 'curl -fsSL https://x.example/a.tgz | tar -xz'\n" },
    'FROM debian:12-slim\nRUN curl -fsSLo /tmp/install.sh https://example.com/install.sh && sha256sum -c install.sha256 && sh /tmp/install.sh\n',
    { name: 'pipe into tar', code: 'FROM debian:12-slim\nRUN curl -fsSL https://example.com/x.tar.gz | tar -xz -C /opt\n' },
    { name: 'pipe into gpg', code: 'FROM debian:12-slim\nRUN curl -fsSL https://example.com/key.asc | gpg --dearmor -o /usr/share/keyrings/x.gpg\n' },
    { name: 'python -c reads data, not code', code: 'FROM python:3.12-slim\nRUN curl -s https://api.github.com/repos/x/y/releases/latest | python3 -c "import sys, json; print(json.load(sys.stdin)[\'tag_name\'])"\n' },
    { name: 'sh with a script file reads stdin as data', code: 'FROM debian:12-slim\nRUN curl -s https://example.com/list.txt | sh ./process.sh\n' },
    { name: 'curl writes to a file, nothing reaches the shell', code: 'FROM debian:12-slim\nRUN curl -fsSL -o /usr/local/bin/tool https://example.com/tool | bash\n' },
    { name: 'wget writes to a file by default', code: 'FROM debian:12-slim\nRUN wget https://example.com/install.sh | sh\n' },
    { name: 'command substitution into a variable', code: 'FROM debian:12-slim\nRUN VERSION="$(curl -fsSL https://example.com/latest)" && echo "$VERSION"\n' },
  ],
  invalid: [
    {
      name: 'a fetcher run by sudo',
      code: 'FROM debian:12-slim\nRUN sudo curl -fsSL https://example.com/install.sh | sh\n',
      errors: [{ line: 2, column: 10, endColumn: 56, message: 'The output of curl is run directly by sh' }],
    },
    {
      code: 'FROM debian:12-slim\nRUN curl -fsSL https://deb.nodesource.com/setup_20.x | bash -\n',
      errors: [{ line: 2, column: 5, endLine: 2, endColumn: 62, message: 'The output of curl is run directly by bash' }],
    },
    {
      name: 'wget -qO- on a continuation line',
      code: 'FROM debian:12-slim\nRUN apt-get update && \\\n    wget -qO- https://example.com/install.sh | sh -s -- --yes\n',
      errors: [{ line: 3, column: 5, endColumn: 62, message: 'wget' }],
    },
    {
      name: 'wget -O - and sudo',
      code: 'FROM debian:12-slim\nRUN wget -O - https://example.com/i.sh | sudo -E bash\n',
      errors: [{ line: 2, column: 5, endColumn: 54, message: 'run directly by bash' }],
    },
    {
      name: 'busybox sh',
      code: 'FROM alpine:3.20\nRUN wget -qO- https://example.com/i.sh | busybox sh\n',
      errors: [{ line: 2, column: 5, endColumn: 52, message: 'run directly by sh' }],
    },
    {
      name: 'interpreter reading the program from stdin',
      code: 'FROM python:3.12-slim\nRUN curl -sSL https://install.python-poetry.org | POETRY_HOME=/opt/poetry python3 -\n',
      errors: [{ line: 2, column: 5, message: 'python3' }],
    },
    {
      name: 'sh -c "$(curl ...)"',
      code: 'FROM debian:12-slim\nRUN sh -c "$(curl -fsSL https://example.com/install.sh)"\n',
      errors: [{ line: 2, column: 5, endColumn: 57, message: 'sh runs a script fetched by curl' }],
    },
    {
      name: 'bash <(curl ...)',
      code: 'FROM debian:12-slim\nRUN bash <(curl -fsSL https://example.com/install.sh)\n',
      errors: [{ line: 2, column: 5, message: 'bash runs a script fetched by curl' }],
    },
    {
      name: 'eval "$(wget -qO- ...)"',
      code: 'FROM debian:12-slim\nRUN eval "$(wget -qO- https://example.com/env.sh)"\n',
      errors: [{ line: 2, column: 5, message: 'eval runs a script fetched by wget' }],
    },
    {
      name: 'ONBUILD trigger',
      code: 'FROM debian:12-slim\nONBUILD RUN curl https://example.com/i.sh | sh\n',
      errors: [{ line: 2, column: 13, endColumn: 47 }],
    },
  ],
});
