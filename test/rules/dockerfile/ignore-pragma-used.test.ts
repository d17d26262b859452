import rule from '../../../src/rules/dockerfile/ignore-pragma-used.js';
import { ruleTester } from '../../helpers/rule-tester.js';

ruleTester(rule, {
  valid: [
    'FROM debian:12\n# install tools\nRUN apt-get update\n',
    { name: 'shell pragma is not a suppression', code: '# hadolint shell=powershell\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\n' },
    { name: 'parser directive', code: '# syntax=docker/dockerfile:1\nFROM debian:12\n' },
    { name: 'mention in prose', code: 'FROM debian:12\n# we used to need a hadolint ignore=DL3008 here\nRUN true\n' },
  ],
  invalid: [
    {
      name: 'inline hadolint pragma',
      code: 'FROM debian:12\n# hadolint ignore=DL3008,DL3015\nRUN apt-get install -y curl\n',
      errors: [{ line: 2, column: 1, endLine: 2, endColumn: 32, message: 'hadolint ignore=DL3008,DL3015' }],
    },
    {
      name: 'global and stage pragmas, trailing spaces excluded',
      code: '# hadolint global ignore=DL3006  \nFROM debian:12\n  # hadolint stage ignore=DL3002\nFROM debian:12\n',
      errors: [
        { line: 1, column: 1, endColumn: 32 },
        { line: 3, column: 3, endColumn: 33 },
      ],
    },
    {
      name: 'own suppression comments',
      code: 'FROM debian:12\n# shipready-ignore DF012 -- legacy base\nRUN apt-get install curl\n# shipready-ignore-file latest-tag\n',
      errors: [
        { line: 2, column: 1, endColumn: 40 },
        { line: 4, column: 1, endColumn: 35 },
      ],
    },
    {
      name: 'pragma inside a RUN continuation',
      code: 'FROM debian:12\nRUN apt-get update && \\\n    # hadolint ignore=DL3008\n    apt-get install -y curl\n',
      errors: [{ line: 3, column: 5, endColumn: 29, message: 'sits inside an instruction\'s continuation lines, where it suppresses nothing' }],
    },
  ],
});
