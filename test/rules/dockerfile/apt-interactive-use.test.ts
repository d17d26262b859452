import rule from '../../../src/rules/dockerfile/apt-interactive-use.js';
import { ruleTester } from '../../helpers/rule-tester.js';

ruleTester(rule, {
  valid: [
    'FROM debian:12\nRUN apt-get update && apt-get install -y curl\n',
    'FROM debian:12\nRUN apt-cache search curl\n',
    'FROM debian:12\nRUN apt-key list && apt-mark hold curl\n',
    'FROM debian:12\nRUN echo apt install curl\n',
    'FROM debian:12\nCMD ["apt", "list"]\n',
  ],
  invalid: [
    {
      code: 'FROM debian:12\nRUN apt update && apt install -y curl\n',
      errors: [
        { line: 2, column: 5, endLine: 2, endColumn: 8, message: '`apt-get update`' },
        { line: 2, column: 19, endColumn: 22, message: '`apt-get install`' },
      ],
      output: 'FROM debian:12\nRUN apt-get update && apt-get install -y curl\n',
    },
    {
      name: 'query subcommands point at apt-cache; no fix',
      code: 'FROM debian:12\nRUN apt show curl && apt list --installed\n',
      errors: [
        { line: 2, column: 5, endColumn: 8, message: '`apt-cache show`' },
        { line: 2, column: 22, endColumn: 25, message: 'use `dpkg-query -W` or `apt-cache policy` instead' },
      ],
      output: 'FROM debian:12\nRUN apt show curl && apt list --installed\n',
    },
    {
      name: 'a subcommand with no one counterpart names both tools',
      code: 'FROM debian:12\nRUN apt --version\n',
      errors: [{ line: 2, column: 5, endColumn: 8, message: 'use `apt-get` or `apt-cache` instead' }],
    },
    {
      name: 'continuation line, full path and options before the subcommand',
      code: 'FROM debian:12\nRUN set -e; \\\n    /usr/bin/apt -o Acquire::Retries=3 -y remove curl\n',
      errors: [{ line: 3, column: 5, endColumn: 17 }],
      output: 'FROM debian:12\nRUN set -e; \\\n    /usr/bin/apt-get -o Acquire::Retries=3 -y remove curl\n',
    },
    {
      name: 'exec form',
      code: 'FROM debian:12\nRUN ["apt", "upgrade", "-y"]\n',
      errors: [{ line: 2, column: 6, endColumn: 11 }],
      output: 'FROM debian:12\nRUN ["apt-get", "upgrade", "-y"]\n',
    },
    {
      name: 'ONBUILD trigger and heredoc',
      code: 'FROM debian:12\nONBUILD RUN apt install -y curl\nRUN <<EOF\napt purge -y curl\nEOF\n',
      errors: [{ line: 2, column: 13, endColumn: 16 }, { line: 4, column: 1, endColumn: 4 }],
      output: 'FROM debian:12\nONBUILD RUN apt-get install -y curl\nRUN <<EOF\napt-get purge -y curl\nEOF\n',
    },
  ],
});
