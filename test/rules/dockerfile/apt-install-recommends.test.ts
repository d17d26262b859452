import rule from '../../../src/rules/dockerfile/apt-install-recommends.js';
import { ruleTester } from '../../helpers/rule-tester.js';

ruleTester(rule, {
  valid: [
    { name: '--no-install-recommends held in a variable the shell splits', code: 'FROM debian:12\nARG APT_FLAGS="-y --no-install-recommends"\nRUN apt-get install ${APT_FLAGS} curl\n' },
    { name: 'apt-get install -s only simulates (a probe, docker-library postgres)', code: 'FROM debian:12-slim\nRUN apt-get update && if apt-get install -s postgresql-18 > /dev/null 2>&1; then echo ok; fi && apt-get install --simulate curl && apt-get install -qs wget\n' },
    'FROM debian:12\nRUN apt-get install -y --no-install-recommends curl\n',
    'FROM debian:12\nRUN apt-get --no-install-recommends install -y curl\n',
    'FROM debian:12\nRUN apt-get install -y curl --no-install-recommends\n',
    { name: '-o option', code: 'FROM debian:12\nRUN apt-get install -y -o APT::Install-Recommends=false curl\n' },
    { name: '-o attached', code: 'FROM debian:12\nRUN apt-get -oAPT::Install-Recommends=0 install -y curl\n' },
    {
      name: 'apt.conf written by an earlier RUN',
      code: 'FROM debian:12\nRUN echo \'APT::Install-Recommends "0";\' > /etc/apt/apt.conf.d/99norecommends\nRUN apt-get install -y curl\n',
    },
    {
      name: 'apt.conf written in a parent stage',
      code: 'FROM debian:12 AS base\nRUN printf \'APT::Install-Recommends "false";\\n\' > /etc/apt/apt.conf.d/01norec\nFROM base\nRUN apt-get install -y curl\n',
    },
    {
      name: 'apt.conf copied in',
      code: 'FROM debian:12\nCOPY 99-no-recommends /etc/apt/apt.conf.d/\nRUN apt-get install -y curl\n',
    },
    'FROM debian:12\nRUN apt-get update\n',
    'FROM debian:12\nRUN apt install -y curl\n',
  ],
  invalid: [
    {
      name: 'the setting written to a file apt does not read',
      code: 'FROM debian:12\nRUN echo \'APT::Install-Recommends "0";\' > /tmp/apt-notes.txt\nRUN apt-get install -y curl\n',
      errors: [{ line: 3, column: 5 }],
    },
    {
      code: 'FROM debian:12\nRUN apt-get install -y curl\n',
      errors: [{ line: 2, column: 5, endLine: 2, endColumn: 20, message: '--no-install-recommends' }],
      output: 'FROM debian:12\nRUN apt-get install --no-install-recommends -y curl\n',
    },
    {
      name: 'continuation line, env assignment before the command',
      code: 'FROM debian:12\nRUN apt-get update && \\\n    DEBIAN_FRONTEND=noninteractive apt-get -y install curl\n',
      errors: [{ line: 3, column: 36, endLine: 3, endColumn: 54 }],
      output: 'FROM debian:12\nRUN apt-get update && \\\n    DEBIAN_FRONTEND=noninteractive apt-get -y install --no-install-recommends curl\n',
    },
    {
      name: 'recommends explicitly turned on',
      code: 'FROM debian:12\nRUN apt-get install -y -o APT::Install-Recommends=true curl\n',
      errors: [{ line: 2, column: 5 }],
    },
    {
      name: 'config written in a later RUN or an unrelated stage does not count',
      code: 'FROM debian:12 AS other\nRUN echo \'APT::Install-Recommends "0";\' > /etc/apt/apt.conf.d/99\nFROM debian:12\nRUN apt-get install -y curl\nRUN echo \'APT::Install-Recommends "0";\' > /etc/apt/apt.conf.d/99\n',
      errors: [{ line: 4, column: 5 }],
    },
    {
      name: 'exec form gets a JSON fix',
      code: 'FROM debian:12\nRUN ["apt-get", "install", "-y", "curl"]\n',
      errors: [{ line: 2, column: 6, endColumn: 26 }],
      output: 'FROM debian:12\nRUN ["apt-get", "install", "--no-install-recommends", "-y", "curl"]\n',
    },
    {
      name: 'ONBUILD trigger',
      code: 'FROM debian:12\nONBUILD RUN apt-get install -y curl\n',
      errors: [{ line: 2, column: 13, endColumn: 28 }],
      output: 'FROM debian:12\nONBUILD RUN apt-get install --no-install-recommends -y curl\n',
    },
  ],
});
