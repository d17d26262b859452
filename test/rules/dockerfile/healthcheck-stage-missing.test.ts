import rule from '../../../src/rules/dockerfile/healthcheck-stage-missing.js';
import { ruleTester } from '../../helpers/rule-tester.js';

ruleTester(rule, {
  valid: [
    'FROM nginx:1.27\nHEALTHCHECK CMD ["curl", "-f", "http://localhost/"]\n',
    { name: 'HEALTHCHECK NONE states the choice', code: 'FROM nginx:1.27\nHEALTHCHECK NONE\n' },
    { name: 'inherited from the parent stage', code: 'FROM nginx:1.27 AS base\nHEALTHCHECK CMD ["true"]\nFROM base AS final\nRUN true\n' },
    { name: 'base of a stage that has one', code: 'FROM nginx:1.27 AS base\nRUN true\nFROM base\nHEALTHCHECK CMD ["true"]\n' },
  ],
  invalid: [
    {
      code: 'FROM nginx:1.27\nCOPY site/ /usr/share/nginx/html/\n',
      errors: [{ line: 1, column: 1, endLine: 1, endColumn: 16 }],
    },
    {
      name: 'every stage without one (hadolint semantics), span includes the alias',
      code: 'FROM golang:1.22 AS build\nRUN go build\nFROM debian:12\nHEALTHCHECK CMD ["true"]\nFROM alpine:3.20 AS other\n',
      errors: [{ line: 1, column: 1, endColumn: 26 }, { line: 5, column: 1, endColumn: 26 }],
    },
    {
      name: 'ONBUILD HEALTHCHECK does not count',
      code: 'FROM nginx:1.27\nONBUILD HEALTHCHECK CMD ["true"]\n',
      errors: [{ line: 1, column: 1 }],
    },
  ],
});
