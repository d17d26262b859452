import rule from '../../../src/rules/dockerfile/useradd-high-uid.js';
import { ruleTester } from '../../helpers/rule-tester.js';

ruleTester(rule, {
  valid: [
    { name: '-l from a variable', code: 'FROM debian:12-slim\nARG USERADD_FLAGS=-l\nRUN useradd $USERADD_FLAGS -u 1000000 app\n' },
    'FROM debian:12-slim\nRUN useradd -l -u 1000000 app\n',
    'FROM debian:12-slim\nRUN useradd -lu 1000000 app\n',
    'FROM debian:12-slim\nRUN useradd -u 1000000 --no-log-init app\n',
    { name: 'small UIDs', code: 'FROM debian:12-slim\nRUN useradd -u 1000 app && useradd -u 99999 b\n' },
    { name: 'a comment value is not the uid flag', code: 'FROM debian:12-slim\nRUN useradd -c "-u 1000000" -u 1000 app\n' },
    { name: 'unknown uid', code: 'FROM debian:12-slim\nRUN useradd -u "$(id -u)" app && useradd -u "$HOST_UID" b\n' },
    { name: 'no uid at all', code: 'FROM debian:12-slim\nRUN useradd -m app\n' },
  ],
  invalid: [
    {
      code: 'FROM debian:12-slim\nRUN useradd -u 1000000 app\n',
      errors: [{ line: 2, column: 13, endLine: 2, endColumn: 23, message: 'useradd with UID 1000000 and no -l' }],
      output: 'FROM debian:12-slim\nRUN useradd -l -u 1000000 app\n',
    },
    {
      name: 'bundled, long and attached forms',
      code: 'FROM debian:12-slim\nRUN useradd -mu1000000 a && useradd --uid=123456 b && useradd --system --uid 200000 c\n',
      errors: [
        { line: 2, column: 13, endColumn: 23, message: 'UID 1000000' },
        { line: 2, column: 37, endColumn: 49, message: 'UID 123456' },
        { line: 2, column: 72, endColumn: 84, message: 'UID 200000' },
      ],
      output: 'FROM debian:12-slim\nRUN useradd -l -mu1000000 a && useradd -l --uid=123456 b && useradd -l --system --uid 200000 c\n',
    },
    {
      name: 'uid from an ARG, on a continuation line',
      code: 'FROM debian:12-slim\nARG APP_UID=1000000\nRUN groupadd -g 1000 app && \\\n    useradd -g app -u "${APP_UID}" app\n',
      errors: [{ line: 4, column: 20, endLine: 4, endColumn: 35, message: 'UID 1000000' }],
      output: 'FROM debian:12-slim\nARG APP_UID=1000000\nRUN groupadd -g 1000 app && \\\n    useradd -l -g app -u "${APP_UID}" app\n',
    },
    {
      name: 'exec form',
      code: 'FROM debian:12-slim\nRUN ["useradd", "-u", "1000000", "app"]\n',
      errors: [{ line: 2, column: 17, endColumn: 32 }],
      output: 'FROM debian:12-slim\nRUN ["useradd", "-l", "-u", "1000000", "app"]\n',
    },
    {
      name: 'ONBUILD trigger',
      code: 'FROM debian:12-slim\nONBUILD RUN useradd -u 1000000 app\n',
      errors: [{ line: 2, column: 21, endColumn: 31 }],
    },
  ],
});
