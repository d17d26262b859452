import rule from '../../../src/rules/dockerfile/ssh-port-exposed.js';
import { ruleTester } from '../../helpers/rule-tester.js';

ruleTester(rule, {
  valid: [
    'FROM nginx:1.27\nEXPOSE 80 443\n',
    { name: '2222 is not 22', code: 'FROM debian:12-slim\nEXPOSE 2222\n' },
    { name: 'udp', code: 'FROM debian:12-slim\nEXPOSE 22/udp\n' },
    { name: 'range without 22', code: 'FROM debian:12-slim\nEXPOSE 8000-8010\n' },
    { name: 'only in a build stage', code: 'FROM debian:12-slim AS build\nEXPOSE 22\n\nFROM debian:12-slim\nEXPOSE 8080\n' },
    { name: 'unknown variable', code: 'FROM debian:12-slim\nARG PORT\nEXPOSE ${PORT}\n' },
  ],
  invalid: [
    {
      code: 'FROM debian:12-slim\nEXPOSE 8080 22\n',
      errors: [{ line: 2, column: 13, endLine: 2, endColumn: 15, message: 'EXPOSE 22 publishes the SSH port' }],
    },
    {
      name: 'tcp suffix and ranges',
      code: 'FROM debian:12-slim\nEXPOSE 22/tcp\nEXPOSE 20-25\n',
      errors: [{ line: 2, column: 8, endColumn: 14 }, { line: 3, column: 8, endColumn: 13 }],
    },
    {
      name: 'resolved variable, shipped parent stage',
      code: 'FROM debian:12-slim AS base\nENV SSH_PORT=22\nEXPOSE $SSH_PORT\n\nFROM base\n',
      errors: [{ line: 3, column: 8, endColumn: 17, message: 'EXPOSE 22 ' }],
    },
  ],
});
