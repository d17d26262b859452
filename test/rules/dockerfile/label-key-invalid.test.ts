import rule from '../../../src/rules/dockerfile/label-key-invalid.js';
import { ruleTester } from '../../helpers/rule-tester.js';

ruleTester(rule, {
  valid: [
    'FROM alpine:3.20\nLABEL org.opencontainers.image.title="demo" maintainer="me" com.example.v2=1\n',
    { name: 'legacy space-separated form', code: 'FROM alpine:3.20\nLABEL maintainer Jane Doe\n' },
    { name: 'Docker Desktop extension keys', code: 'FROM alpine:3.20\nLABEL com.docker.desktop.extension.api.version=">= 0.3.0" com.docker.extension.screenshots="[]"\n' },
    { name: 'key named in labelSchema is deliberate (hadolint#1100)', code: 'FROM alpine:3.20\nLABEL IMAGEPRIVACY="true"\n', settings: { labelSchema: { IMAGEPRIVACY: 'text' } } },
    { name: 'ENV keys are not labels', code: 'FROM alpine:3.20\nENV My_Var=1\n' },
    { name: 'key built from a variable', code: 'FROM alpine:3.20\nARG NS=com.example\nLABEL ${NS}.version=1\n' },
    { name: 'key from an unknown variable', code: 'FROM alpine:3.20\nARG NS\nLABEL ${NS}.version=1\n' },
  ],
  invalid: [
    {
      name: 'upper case and underscore',
      code: 'FROM alpine:3.20\nLABEL com.example.Build_Date="2024"\n',
      errors: [{ line: 2, column: 7, endLine: 2, endColumn: 29, message: 'upper-case letters; use lower case (e.g. "com.example.build-date")' }],
    },
    {
      name: 'reserved namespace',
      code: 'FROM alpine:3.20\nLABEL com.docker.compose.project=x io.docker.y=1 org.dockerproject.z=2\n',
      errors: [
        { line: 2, column: 7, endColumn: 33, message: 'com.docker.' },
        { line: 2, column: 36, endColumn: 47, message: 'io.docker.' },
        { line: 2, column: 50, endColumn: 69, message: 'org.dockerproject.' },
      ],
    },
    {
      name: 'invalid character',
      code: 'FROM alpine:3.20\nLABEL build_version=1\n',
      errors: [{ line: 2, column: 7, endColumn: 20, message: 'contains "_"' }],
    },
    {
      name: 'must start with a letter and end with a letter or digit',
      code: 'FROM alpine:3.20\nLABEL 1abc=x abc.=y\n',
      errors: [{ line: 2, column: 7, endColumn: 11, message: 'must start with' }, { line: 2, column: 14, endColumn: 18 }],
    },
    {
      name: 'doubled separators',
      code: 'FROM alpine:3.20\nLABEL com..example=x a--b=y\n',
      errors: [{ line: 2, column: 7, message: '".."' }, { line: 2, column: 22, message: '"--"' }],
    },
    {
      name: 'quoted key with a space',
      code: 'FROM alpine:3.20\nLABEL "My Key"=x\n',
      errors: [{ line: 2, column: 7, endColumn: 15, message: 'upper-case' }],
    },
    {
      name: 'continuation line',
      code: 'FROM alpine:3.20\nLABEL a=b \\\n      Bad=c\n',
      errors: [{ line: 3, column: 7, endLine: 3, endColumn: 10 }],
    },
    {
      name: 'ONBUILD trigger',
      code: 'FROM alpine:3.20\nONBUILD LABEL Foo=bar\n',
      errors: [{ line: 2, column: 15, endColumn: 18 }],
    },
    {
      name: 'key built from a variable is checked after expansion',
      code: 'FROM alpine:3.20\nARG NS=Com.Example\nLABEL ${NS}.version=1\n',
      errors: [{ line: 3, column: 7, endColumn: 20, message: '"Com.Example.version"' }],
    },
    {
      name: 'legacy form key',
      code: 'FROM alpine:3.20\nLABEL Maintainer Jane Doe\n',
      errors: [{ line: 2, column: 7, endColumn: 17 }],
    },
  ],
});
