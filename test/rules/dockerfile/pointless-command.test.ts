import rule from '../../../src/rules/dockerfile/pointless-command.js';
import { ruleTester } from '../../helpers/rule-tester.js';

ruleTester(rule, {
  valid: [
    'FROM debian:12-slim\nRUN apt-get install -y vim openssh-client procps\n',
    'FROM debian:12-slim\nRUN ssh-keyscan github.com >> /etc/ssh/ssh_known_hosts\n',
    { name: 'a service started to set something up in the same RUN', code: 'FROM debian:12-slim\nRUN service postgresql start && psql -c "CREATE DATABASE app" && service postgresql stop\n' },
    { name: 'killing a process this RUN started', code: 'FROM debian:12-slim\nRUN redis-server & sleep 2 && redis-cli ping && kill %1\n' },
    'FROM debian:12-slim\nCMD ["top"]\n',
  ],
  invalid: [
    {
      code: 'FROM debian:12-slim\nRUN service nginx start\n',
      errors: [{ line: 2, column: 5, endLine: 2, endColumn: 12, message: '`service` has no lasting effect' }],
    },
    {
      name: 'several commands, one on a continuation line',
      code: 'FROM debian:12-slim\nRUN ps aux && \\\n    free -m && kill -9 1\n',
      errors: [
        { line: 2, column: 5, endColumn: 7, message: '`ps`' },
        { line: 3, column: 5, endColumn: 9, message: '`free`' },
        { line: 3, column: 16, endColumn: 20, message: '`kill`' },
      ],
    },
    {
      name: 'a service as the last command serves nobody',
      code: 'FROM debian:12-slim\nRUN apt-get install -y ssh && /usr/sbin/service ssh start\n',
      errors: [{ line: 2, column: 31, endColumn: 48 }],
    },
    {
      name: 'inside a command substitution',
      code: 'FROM debian:12-slim\nRUN echo "$(mount)" > /mounts.txt\n',
      errors: [{ line: 2, column: 13, endColumn: 18 }],
    },
    {
      name: 'ONBUILD trigger',
      code: 'FROM debian:12-slim\nONBUILD RUN vim /etc/hosts\n',
      errors: [{ line: 2, column: 13, endColumn: 16 }],
    },
  ],
});
