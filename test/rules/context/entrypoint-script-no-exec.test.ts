import rule from '../../../src/rules/context/entrypoint-script-no-exec.js';
import { contextRuleTester } from '../../helpers/context-tester.js';

const NO_EXEC = '#!/bin/sh\nset -e\nnode migrate.js\n"$@"\n';
const EXEC = '#!/bin/sh\nset -e\nnode migrate.js\nexec "$@"\n';

contextRuleTester(rule, {
  valid: [
    { name: 'the script execs', files: { Dockerfile: 'FROM node:20-slim\nCOPY entrypoint.sh /usr/local/bin/\nENTRYPOINT ["entrypoint.sh"]\n', 'entrypoint.sh': EXEC } },
    { name: "docker-library's _main ends in exec", files: { Dockerfile: 'FROM postgres:16\nCOPY docker-entrypoint.sh /usr/local/bin/\nENTRYPOINT ["docker-entrypoint.sh"]\n', 'docker-entrypoint.sh': '#!/usr/bin/env bash\n_main() {\n\texec "$@"\n}\nif ! _is_sourced; then\n\t_main "$@"\nfi\n' } },
    { name: 'a trap handles signals', files: { Dockerfile: 'FROM alpine:3.20\nCOPY run.sh /run.sh\nENTRYPOINT ["/run.sh"]\n', 'run.sh': '#!/bin/sh\ntrap "kill $pid" TERM\nnode server.js\n' } },
    { name: 'last command is a builtin', files: { Dockerfile: 'FROM alpine:3.20\nCOPY run.sh /run.sh\nCMD ["/run.sh"]\n', 'run.sh': '#!/bin/sh\nnode server.js &\nwait\n' } },
    { name: 'not a shell script', files: { Dockerfile: 'FROM python:3.12-slim\nCOPY main.py /app/main.py\nENTRYPOINT ["/app/main.py"]\n', 'main.py': '#!/usr/bin/env python3\nprint(1)\n' } },
    { name: 'shell form is another rule', files: { Dockerfile: 'FROM alpine:3.20\nCOPY run.sh /run.sh\nENTRYPOINT /run.sh\n', 'run.sh': NO_EXEC } },
    { name: 'a build stage\'s entrypoint does not ship', files: { Dockerfile: 'FROM alpine:3.20 AS b\nCOPY run.sh /run.sh\nENTRYPOINT ["/run.sh"]\nFROM alpine:3.20\nCOPY --from=b /run.sh /x\nCMD ["sleep", "1"]\n', 'run.sh': NO_EXEC } },
    { name: 'the COPY puts it somewhere else', files: { Dockerfile: 'FROM alpine:3.20\nCOPY run.sh /opt/run.sh\nENTRYPOINT ["/run.sh"]\n', 'run.sh': NO_EXEC } },
    { name: 'excluded from the context: not what the image gets', files: { Dockerfile: 'FROM alpine:3.20\nCOPY . /app\nENTRYPOINT ["/app/run.sh"]\n', 'run.sh': NO_EXEC, '.dockerignore': 'run.sh\n' } },
    { name: 'a later COPY replaces it', files: { Dockerfile: 'FROM alpine:3.20\nCOPY old.sh /run.sh\nCOPY new.sh /run.sh\nENTRYPOINT ["/run.sh"]\n', 'old.sh': NO_EXEC, 'new.sh': EXEC } },
    { name: 'the directory a variable hides is not guessed', files: { Dockerfile: 'FROM alpine:3.20\nARG DIR\nWORKDIR $DIR\nCOPY start.sh ./\nENTRYPOINT ["./start.sh"]\n', 'start.sh': NO_EXEC } },
    { name: 'a variable in the entrypoint is not guessed', files: { Dockerfile: 'FROM alpine:3.20\nCOPY run.sh /run.sh\nENTRYPOINT ["$APP"]\n', 'run.sh': NO_EXEC } },
  ],
  invalid: [
    {
      name: 'a function that ends without exec, called last',
      files: { Dockerfile: 'FROM alpine:3.20\nCOPY run.sh /run.sh\nENTRYPOINT ["/run.sh"]\n', 'run.sh': '#!/bin/sh\nstart() {\n  echo up\n  node server.js\n}\nstart\n' },
      errors: [{ line: 3, column: 13, endColumn: 22, message: 'The entrypoint script run.sh ends by calling start, whose last command `node server.js` runs without `exec`' }],
    },
    {
      name: 'found on PATH through a COPY into a directory',
      files: { Dockerfile: 'FROM node:20-slim\nCOPY docker-entrypoint.sh /usr/local/bin/\nENTRYPOINT ["docker-entrypoint.sh"]\nCMD ["node", "server.js"]\n', 'docker-entrypoint.sh': NO_EXEC },
      errors: [{ line: 3, column: 13, endColumn: 35, message: 'The entrypoint script docker-entrypoint.sh ends with `"$@"` without `exec`: the shell stays PID 1 and SIGTERM never reaches the app. Use `exec "$@"`.' }],
    },
    {
      name: 'relative to WORKDIR, from a directory COPY, through tini and sh',
      files: { Dockerfile: 'FROM alpine:3.20\nWORKDIR /srv\nWORKDIR app\nCOPY . .\nENTRYPOINT ["tini", "--", "sh", "bin/start"]\n', 'bin/start': 'cd /srv/app\nnode server.js\n' },
      errors: [{ line: 5, column: 33, endColumn: 44, message: 'The entrypoint script bin/start ends with `node server.js` without `exec`' }],
    },
    {
      name: 'an absolute WORKDIR after one a variable hides makes the directory known again',
      files: { Dockerfile: 'FROM alpine:3.20\nARG DIR\nWORKDIR $DIR\nWORKDIR /srv\nCOPY start.sh ./\nENTRYPOINT ["./start.sh"]\n', 'start.sh': '#!/bin/sh\nnode server.js\n' },
      errors: [{ line: 6, column: 13, endColumn: 25, message: 'start.sh ends with `node server.js`' }],
    },
    {
      name: 'CMD when there is no ENTRYPOINT; a file COPY to a new name; the stage chain',
      files: { Dockerfile: 'FROM debian:12-slim AS base\nCOPY scripts/launch.sh /start\nFROM base\nCMD ["/start"]\n', 'scripts/launch.sh': '#!/usr/bin/env bash\nexec 2>&1\ngunicorn app:app\n' },
      errors: [{ line: 4, column: 6, endColumn: 14, message: 'scripts/launch.sh ends with `gunicorn app:app`' }],
    },
  ],
});
