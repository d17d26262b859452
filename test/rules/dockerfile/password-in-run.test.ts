import rule from '../../../src/rules/dockerfile/password-in-run.js';
import { ruleTester } from '../../helpers/rule-tester.js';

ruleTester(rule, {
  valid: [
    'FROM debian:12-slim\nRUN useradd -m app && passwd -l app\n',
    { name: 'a password from a build secret', code: 'FROM debian:12-slim\nRUN --mount=type=secret,id=pw echo "app:$(cat /run/secrets/pw)" | chpasswd\n' },
    { name: 'a random password', code: 'FROM debian:12-slim\nRUN echo "root:$(openssl rand -base64 12)" | chpasswd\n' },
    { name: 'a password from a variable', code: 'FROM debian:12-slim\nARG PW\nRUN echo "app:${PW}" | chpasswd && echo "$PW" | passwd --stdin app\n' },
    { name: 'chpasswd -e takes a hash (reported nowhere: it is no plain password)', code: 'FROM debian:12-slim\nRUN echo \'app:$6$salt$abc\' | chpasswd -e\n' },
    { name: 'useradd -p with something that is no hash locks the account', code: 'FROM debian:12-slim\nRUN useradd -l -u 33333 -md /home/gitpod -s /bin/bash -p gitpod gitpod && usermod -p "*" app\n' },
    { name: 'a group whose first line is not echoed, or whose echoes use variables', code: 'FROM debian:12-slim\nRUN (cat /run/secrets/pw; echo x) | passwd app\nRUN { echo "$PW"; echo "$PW"; } | passwd app && (echo "app:$PW") | chpasswd\nRUN (echo pw; echo pw) > /tmp/x && passwd -l app\n' },
    { name: 'chpasswd reading a file', code: 'FROM debian:12-slim\nRUN chpasswd < /run/secrets/users\n' },
    { name: 'openssl for something else', code: 'FROM debian:12-slim\nRUN openssl rand -hex 16 > /etc/token && openssl passwd -1 "$PW"\n' },
    { name: 'echoed, not piped', code: 'FROM debian:12-slim\nRUN echo "root:pw"; chpasswd < /dev/null\n' },
  ],
  invalid: [
    {
      name: 'passwords echoed by a subshell or group piped into passwd or chpasswd',
      code: 'FROM debian:12-slim\nRUN useradd -m app && (echo \'Passw0rd\'; echo \'Passw0rd\') | passwd app\nRUN { echo root:Secret1; echo app:Secret2; } | chpasswd\n',
      errors: [
        { line: 2, column: 29, endColumn: 39, message: '`passwd` sets the password of app' },
        { line: 3, column: 12, endColumn: 24, message: '`chpasswd` sets the password of root' },
      ],
    },
    {
      code: 'FROM debian:12-slim\nRUN useradd -m app && echo \'app:Summer2024!\' | chpasswd\n',
      errors: [{ line: 2, column: 28, endLine: 2, endColumn: 45, message: '`chpasswd` sets the password of app to a value written in the Dockerfile' }],
    },
    {
      name: 'a here-string, and sudo',
      code: 'FROM ubuntu:24.04\nRUN chpasswd <<< "root:toor"\nRUN echo -e "admin:admin\\nops:ops" | sudo chpasswd\n',
      errors: [{ line: 2, column: 18, endColumn: 29, message: 'password of root' }, { line: 3, column: 13, endColumn: 35, message: 'password of admin' }],
    },
    {
      name: 'passwd from a pipe',
      code: 'FROM rockylinux:9\nRUN echo hunter2 | passwd --stdin deploy\n',
      errors: [{ line: 2, column: 10, endColumn: 17, message: '`passwd` sets the password of deploy' }],
    },
    {
      name: 'openssl passwd inside useradd -p, from stdin and as an argument',
      code: 'FROM debian:12-slim\nRUN useradd -u 5000 -p "$(echo docker | openssl passwd -1 -stdin)" docker\nRUN usermod -p "$(openssl passwd -6 s3cret)" root\n',
      errors: [{ line: 2, column: 32, endColumn: 38, message: '`openssl passwd` sets the password of docker' }, { line: 3, column: 37, endColumn: 43, message: 'password of root' }],
    },
    {
      name: 'useradd -p with a crypt hash',
      code: 'FROM debian:12-slim\nRUN useradd -m -p \'$6$rounds=5000$salt$Wq0lF3cM\' app\n',
      errors: [{ line: 2, column: 19, endColumn: 49, message: '`useradd -p` gives app a fixed password hash' }],
    },
  ],
});
