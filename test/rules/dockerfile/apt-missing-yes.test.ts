import rule from '../../../src/rules/dockerfile/apt-missing-yes.js';
import { ruleTester } from '../../helpers/rule-tester.js';

ruleTester(rule, {
  valid: [
    { name: '-y held in a variable the shell splits', code: 'FROM debian:12\nARG APT_FLAGS="-y --no-install-recommends"\nRUN apt-get install ${APT_FLAGS} curl\n' },
    { name: 'quiet level 2 held in a variable the shell splits, or split over a variable and a flag', code: 'FROM debian:12\nENV APT_OPTS="-qq --no-install-recommends"\nARG Q=-q\nRUN apt-get install $APT_OPTS curl && apt-get install -q $Q git\n' },
    { name: 'quiet level 2 as -q -q, -q=2, --quiet=2', code: 'FROM debian:12\nRUN apt-get install -q -q curl && apt-get install -q=2 wget && apt-get install --quiet=2 git\n' },
    { name: 'APT::Get::Assume-Yes set with -o', code: 'FROM debian:12\nRUN apt-get -o APT::Get::Assume-Yes=true install curl\n' },
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
    { name: 'quiet level 1 from a variable, or -qq in a quoted variable, does not answer', code: 'FROM debian:12\nARG Q=-q\nRUN apt-get install $Q curl\nARG QQ=-qq\nRUN apt-get install "$QQ" curl\n', errors: [{ line: 3, column: 5, endColumn: 20 }, { line: 5, column: 5, endColumn: 20 }] },
    { name: 'a quoted variable is one argument, not split into options', code: 'FROM debian:12\nARG APT_FLAGS="-y"\nRUN apt-get install "${APT_FLAGS}x" curl\n', errors: [{ line: 3, column: 5 }] },
    {
      name: 'the range starts at the command name, after an assignment prefix and in exec form',
      code: 'FROM debian:12\nRUN DEBIAN_FRONTEND=noninteractive apt-get install curl\nRUN ["apt-get", "install", "curl"]\n',
      errors: [{ line: 2, column: 36, endColumn: 51 }, { line: 3, column: 6, endColumn: 26 }],
    },
    { name: 'quiet level 1 does not answer prompts', code: 'FROM debian:12\nRUN apt-get install -q curl\n', errors: [{ line: 2, column: 5 }] },
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
      name: 'exec form: the flag is a JSON string of its own',
      code: 'FROM debian:12\nRUN ["apt-get", "install", "curl"]\n',
      errors: [{ line: 2, column: 6, endColumn: 26 }],
      output: 'FROM debian:12\nRUN ["apt-get", "install", "-y", "curl"]\n',
    },
    {
      name: 'no fix inside a JSON escape (the edit would split \\")',
      code: 'FROM debian:12\nRUN ["sh", "-c", "apt-get \\"install\\" curl"]\n',
      errors: [{ line: 2, column: 19, endColumn: 37 }],
      output: 'FROM debian:12\nRUN ["sh", "-c", "apt-get \\"install\\" curl"]\n',
    },
    {
      name: 'ONBUILD trigger',
      code: 'FROM debian:12\nONBUILD RUN apt-get install curl\n',
      errors: [{ line: 2, column: 13 }],
    },
  ],
});
