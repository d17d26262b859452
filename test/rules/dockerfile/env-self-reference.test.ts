import rule from '../../../src/rules/dockerfile/env-self-reference.js';
import { ruleTester } from '../../helpers/rule-tester.js';

ruleTester(rule, {
  valid: [
    'FROM python:3.12\nENV A=1\nENV B=$A\n',
    { name: 'own previous value', code: 'FROM python:3.12\nENV PATH=/opt/bin:$PATH LANG=C.UTF-8\n' },
    { name: 'a key set twice, but declared earlier', code: 'FROM python:3.12\nENV O=/usr\nENV O=/opt O=$O/bin\n' },
    { name: 'defined earlier in the stage', code: 'FROM python:3.12\nENV A=1\nENV A=2 B=$A\n' },
    { name: 'declared as ARG earlier', code: 'FROM python:3.12\nARG VERSION\nENV VERSION=${VERSION} LABEL_V=$VERSION\n' },
    { name: 'defined by ENV in the parent stage', code: 'FROM python:3.12 AS base\nENV A=1\nFROM base\nENV A=2 B=$A\n' },
    { name: 'single quotes do not expand', code: "FROM python:3.12\nENV A=1 B='$A'\n" },
    { name: 'escaped dollar', code: 'FROM python:3.12\nENV A=1 B=\\$A\n' },
    { name: 'longer name with the same prefix', code: 'FROM python:3.12\nENV A=1 B=$AB\n' },
    { name: 'legacy single-pair form', code: 'FROM python:3.12\nENV A $A:x\n' },
  ],
  invalid: [
    {
      code: 'FROM python:3.12\nENV APP_HOME=/srv/app APP_DATA=$APP_HOME/data\n',
      errors: [{ line: 2, column: 32, endLine: 2, endColumn: 41, message: '$APP_HOME expands to the value APP_HOME had before' }],
    },
    {
      name: 'a key set twice in one ENV: the second sees the old value, not the first',
      code: 'FROM python:3.12\nENV O=/opt O=$O/bin\n',
      errors: [{ line: 2, column: 14, endLine: 2, endColumn: 16, message: '$O expands to the value O had before' }],
    },
    {
      name: 'braced reference in double quotes, used before it is set',
      code: 'FROM python:3.12\nENV B="${A:-x}/bin" A=1\n',
      errors: [{ line: 2, column: 8, endColumn: 15, message: '${A:-x}' }],
    },
    {
      name: 'ARG in an earlier stage does not count',
      code: 'FROM python:3.12 AS a\nARG A\nFROM python:3.12\nENV A=1 B=$A\n',
      errors: [{ line: 4, column: 11 }],
    },
    {
      name: 'continuation lines',
      code: 'FROM python:3.12\nENV GOPATH=/go \\\n    PATH=$GOPATH/bin:$PATH\n',
      errors: [{ line: 3, column: 10, endColumn: 17 }],
    },
  ],
});
