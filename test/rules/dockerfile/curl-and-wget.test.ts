import rule from '../../../src/rules/dockerfile/curl-and-wget.js';
import { ruleTester } from '../../helpers/rule-tester.js';

ruleTester(rule, {
  valid: [
    'FROM debian:12-slim\nRUN curl -fsSLO https://example.com/a.tgz && curl -fsSLO https://example.com/b.tgz\n',
    { name: 'different stages (hadolint #322)', code: 'FROM debian:12-slim AS a\nRUN wget -q https://example.com/a.tgz\nFROM debian:12-slim\nRUN curl -fsSLO https://example.com/b.tgz\n' },
    { name: 'installing a tool is not using it', code: 'FROM debian:12-slim\nRUN apt-get install -y wget && curl -fsSLO https://example.com/a.tgz\n' },
  ],
  invalid: [
    {
      code: 'FROM debian:12-slim\nRUN curl -fsSLo /tmp/a.tgz https://example.com/a.tgz\nRUN wget -q https://example.com/b.tgz\n',
      errors: [{ line: 3, column: 5, endLine: 3, endColumn: 9, message: 'This stage already uses curl (line 2); use it here too instead of wget' }],
    },
    {
      name: 'every use of the second tool, not RUNs with only the first',
      code: 'FROM debian:12-slim\nRUN wget -q https://example.com/a && \\\n    curl -fsSLO https://example.com/b\nRUN wget -q https://example.com/c\nRUN curl -fsSLO https://example.com/d\n',
      errors: [
        { line: 3, column: 5, endColumn: 9, message: 'already uses wget (line 2)' },
        { line: 5, column: 5, endColumn: 9, message: 'instead of curl' },
      ],
    },
    {
      name: 'ONBUILD trigger',
      code: 'FROM debian:12-slim\nRUN curl -fsSLO https://example.com/a\nONBUILD RUN wget -q https://example.com/b\n',
      errors: [{ line: 3, column: 13, endColumn: 17 }],
    },
  ],
});
