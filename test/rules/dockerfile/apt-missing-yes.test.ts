import rule from '../../../src/rules/dockerfile/apt-missing-yes.js';
import { ruleTester } from '../../helpers/rule-tester.js';

ruleTester(rule, {
  valid: [
    { name: 'apt-get install -s only simulates (a probe, docker-library postgres)', code: 'FROM debian:12-slim\nRUN apt-get update && if apt-get install -s postgresql-18 > /dev/null 2>&1; then echo ok; fi && apt-get install --simulate curl && apt-get install -qs wget\n' },
    'FROM debian:12\nRUN apt-get install -y curl\n',
    'FROM debian:12\nRUN apt-get -y install curl\n',
    'FROM debian:12\nRUN apt-get install --yes curl\n',
    'FROM debian:12\nRUN apt-get install -qq curl\n',
    'FROM debian:12\nRUN apt-get install --assume-yes curl\n',
    'FROM debian:12\nRUN apt-get update\n',
    'FROM debian:12\nRUN echo apt-get install curl\n',
  ],
  invalid: [
    {
      code: 'FROM debian:12\nRUN apt-get install curl\n',
      errors: [{ line: 2, column: 5, endLine: 2, endColumn: 20 }],
      output: 'FROM debian:12\nRUN apt-get install -y curl\n',
    },
    {
      name: 'second line of a continuation',
      code: 'FROM debian:12\nRUN apt-get update && \\\n    apt-get install -q curl\n',
      errors: [{ line: 3, column: 5, endColumn: 20 }],
      output: 'FROM debian:12\nRUN apt-get update && \\\n    apt-get install -y -q curl\n',
    },
    {
      name: 'ONBUILD trigger',
      code: 'FROM debian:12\nONBUILD RUN apt-get install curl\n',
      errors: [{ line: 2, column: 13 }],
    },
  ],
});
