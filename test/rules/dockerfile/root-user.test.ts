import rule from '../../../src/rules/dockerfile/root-user.js';
import { ruleTester } from '../../helpers/rule-tester.js';

ruleTester(rule, {
  valid: [
    { name: 'dev container: devcontainer.json picks the user', path: '.devcontainer/Dockerfile', code: 'FROM mcr.microsoft.com/devcontainers/cpp:1\nUSER root\nRUN apt-get update\n' },
    { name: 'no USER at all (user-missing covers it)', code: 'FROM debian:12\nCMD ["bash"]\n' },
    'FROM debian:12\nUSER root\nRUN apt-get update\nUSER 10001\n',
    'FROM debian:12\nUSER app:root\n',
    { name: 'rootless is not root', code: 'FROM debian:12\nUSER rootless\n' },
    { name: 'root only in a build stage (hadolint flags this)', code: 'FROM golang:1.22 AS build\nUSER root\nRUN go build -o /app .\n\nFROM gcr.io/distroless/static-debian12:nonroot\nCOPY --from=build /app /app\n' },
    { name: 'final stage overrides the root USER of its parent stage', code: 'FROM debian:12 AS base\nUSER root\n\nFROM base\nUSER 10001\n' },
    { name: 'unknown variable', code: 'FROM debian:12\nARG RUN_AS\nUSER ${RUN_AS}\n' },
    { name: 'ONBUILD USER root runs only in child builds', code: 'FROM debian:12\nUSER 10001\nONBUILD USER root\n' },
  ],
  invalid: [
    {
      code: 'FROM debian:12\nRUN useradd app\nUSER root\n',
      errors: [{ line: 3, column: 6, endLine: 3, endColumn: 10, message: '"root"' }],
    },
    {
      name: 'uid 0 with a group',
      code: 'FROM debian:12\nUSER 0:0\n',
      errors: [{ line: 2, column: 6, endColumn: 9 }],
    },
    {
      name: 'root:group',
      code: 'FROM debian:12\nUSER app\nUSER root:staff\n',
      errors: [{ line: 3, column: 6, endColumn: 16 }],
    },
    {
      name: 'variable resolved from ENV (hadolint misses this)',
      code: 'FROM debian:12\nENV RUN_AS=root\nUSER ${RUN_AS}\n',
      errors: [{ line: 3, column: 6, endColumn: 15, message: '"root" (${RUN_AS})' }],
    },
    {
      name: 'inherited from the parent stage the final stage builds on',
      code: 'FROM debian:12 AS base\nUSER root\n\nFROM base\nCMD ["bash"]\n',
      errors: [{ line: 2, column: 6 }],
    },
    {
      name: 'only the last stage counts in an unrelated multi-stage build',
      code: 'FROM golang:1.22 AS build\nUSER 1000\nFROM debian:12\nUSER root\n',
      errors: [{ line: 4, column: 6 }],
    },
  ],
});
