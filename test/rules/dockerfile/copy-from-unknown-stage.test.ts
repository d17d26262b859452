import rule from '../../../src/rules/dockerfile/copy-from-unknown-stage.js';
import { ruleTester } from '../../helpers/rule-tester.js';

ruleTester(rule, {
  valid: [
    'FROM golang:1.22 AS build\nRUN go build\nFROM debian:12\nCOPY --from=build /out/app /app\n',
    { name: 'alias in another case', code: 'FROM golang:1.22 AS Build\nFROM debian:12\nCOPY --from=BUILD /out/app /app\n' },
    { name: 'earlier stage index', code: 'FROM golang:1.22\nFROM debian:12\nCOPY --from=0 /out/app /app\n' },
    { name: 'external image with tag', code: 'FROM debian:12\nCOPY --from=nginx:1.27 /etc/nginx/nginx.conf /etc/nginx/\n' },
    { name: 'external image with registry path (hadolint #859)', code: 'FROM debian:12\nCOPY --from=gcr.io/distroless/base /etc/passwd /etc/passwd\n' },
    { name: 'stage name from an ARG', code: 'ARG SRC=build\nFROM golang:1.22 AS build\nFROM debian:12\nARG SRC\nCOPY --from=${SRC} /out /out\n' },
    { name: 'unknown variable', code: 'FROM debian:12\nARG SRC\nCOPY --from=$SRC /out /out\n' },
    { name: 'own stage is copy-from-self\'s business', code: 'FROM debian:12 AS a\nCOPY --from=a /x /y\n' },
    { name: 'alias with a dot', code: 'FROM golang:1.22 AS build.linux\nFROM debian:12\nCOPY --from=build.linux /out /out\n' },
  ],
  invalid: [
    {
      name: 'a name cut short is matched to the stage it is part of, before a near spelling',
      code: 'FROM alpine AS test\nFROM alpine AS license-set\nFROM alpine\nCOPY --from=set /x /x\n',
      errors: [{ line: 4, column: 13, endColumn: 16, message: 'did you mean "license-set"?' }],
    },
    {
      name: 'typo with a suggestion',
      code: 'FROM golang:1.22 AS build\nRUN go build\nFROM debian:12\nCOPY --from=biuld /out/app /app\n',
      errors: [{ line: 4, column: 13, endLine: 4, endColumn: 18, message: 'did you mean "build"?' }],
    },
    {
      name: 'bare image name without tag (could also be a named context)',
      code: 'FROM debian:12\nCOPY --from=busybox /bin/busybox /bin/\n',
      errors: [{ line: 2, column: 13, endColumn: 20, message: 'busybox:<version>' }],
    },
    {
      name: 'stage defined further down',
      code: 'FROM debian:12\nCOPY --from=assets /dist /srv/\nFROM node:20 AS assets\n',
      errors: [{ line: 2, column: 13, endColumn: 19, message: 'line 3' }],
    },
    {
      name: 'index of a later stage',
      code: 'FROM debian:12\nCOPY --from=1 /x /y\nFROM debian:12\n',
      errors: [{ line: 2, column: 13, endColumn: 14, message: 'this one is 0' }],
    },
    {
      name: 'a file of 200 stages: the suggestion comes from the nearest 64',
      code: `${Array.from({ length: 200 }, (_, i) => `FROM alpine:3.20 AS stage${i}\n`).join('')}COPY --from=stgae199 /x /y\nCOPY --from=stgae3 /x /y\n`,
      errors: [
        { line: 201, column: 13, endColumn: 21, message: 'did you mean "stage199"?' },
        { line: 202, column: 13, endColumn: 19, message: 'use a stage name defined above, or' },
      ],
    },
    {
      name: 'flag on a continuation line',
      code: 'FROM golang:1.22 AS build\nFROM debian:12\nCOPY --chown=1000 \\\n     --from=buidler /out /out\n',
      errors: [{ line: 4, column: 13, endColumn: 20 }],
    },
  ],
});
