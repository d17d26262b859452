import rule from '../../../src/rules/dockerfile/sudo-in-run.js';
import { ruleTester } from '../../helpers/rule-tester.js';

ruleTester(rule, {
  valid: [
    'FROM debian:12-slim\nRUN apt-get install -y sudo\n',
    'FROM debian:12-slim\nRUN echo "app ALL=(ALL) NOPASSWD: ALL" > /etc/sudoers.d/app\n',
    'FROM debian:12-slim\nENTRYPOINT ["sudo", "-u", "app", "run"]\n',
  ],
  invalid: [
    {
      code: 'FROM debian:12-slim\nRUN sudo apt-get update\n',
      errors: [{ line: 2, column: 5, endLine: 2, endColumn: 9, message: 'Do not use sudo' }],
    },
    {
      name: 'continuation line, full path',
      code: 'FROM debian:12-slim\nRUN mkdir -p /data && \\\n    /usr/bin/sudo chown app /data\n',
      errors: [{ line: 3, column: 5, endLine: 3, endColumn: 18 }],
    },
    {
      name: 'exec form',
      code: 'FROM debian:12-slim\nRUN ["sudo", "make", "install"]\n',
      errors: [{ line: 2, column: 6, endColumn: 12 }],
    },
    {
      name: 'ONBUILD trigger',
      code: 'FROM debian:12-slim\nONBUILD RUN sudo make install\n',
      errors: [{ line: 2, column: 13, endColumn: 17 }],
    },
  ],
});
