import rule from '../../../src/rules/dockerfile/run-consecutive.js';
import { ruleTester } from '../../helpers/rule-tester.js';

ruleTester(rule, {
  valid: [
    'FROM debian:12-slim\nRUN mkdir -p /app && chown nobody /app\n',
    'FROM debian:12-slim\nRUN mkdir -p /app\nWORKDIR /app\nRUN touch a\n',
    { name: 'different flags', code: 'FROM debian:12-slim\nRUN --mount=type=cache,target=/root/.cache pip install -r r.txt\nRUN python -m compileall /app\n' },
    { name: 'one RUN already chains more than two commands', code: 'FROM debian:12-slim\nRUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*\nRUN curl --version\n' },
    { name: 'heredoc RUNs (hadolint #805)', code: 'FROM debian:12-slim\nRUN <<EOF\nmkdir /app\nEOF\nRUN touch /app/a\n' },
    { name: 'different stages', code: 'FROM debian:12-slim AS a\nRUN touch /a\nFROM debian:12-slim\nRUN touch /b\n' },
    { name: 'ONBUILD RUN is not a RUN of this image', code: 'FROM debian:12-slim\nRUN touch /a\nONBUILD RUN touch /b\n' },
  ],
  invalid: [
    {
      code: 'FROM debian:12-slim\nRUN mkdir -p /app\nRUN chown nobody /app\n',
      errors: [{ line: 3, column: 1, endLine: 3, endColumn: 4, message: 'This RUN directly follows another RUN with the same flags' }],
    },
    {
      name: 'comments in between, same mount in another option order, chains',
      code: 'FROM debian:12-slim\nRUN --mount=type=cache,target=/c make a\n# build b\nRUN --mount=target=/c,type=cache make b && \\\n    make c\nrun make d\n',
      errors: [{ line: 4, column: 1, endColumn: 4 }],
    },
    {
      name: 'a chain of short RUNs fires on each follower',
      code: 'FROM debian:12-slim\nRUN touch /a\nRUN touch /b\nRUN touch /c\n',
      errors: [{ line: 3, column: 1 }, { line: 4, column: 1 }],
    },
  ],
});
