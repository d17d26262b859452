import rule from '../../../src/rules/dockerfile/entrypoint-multiple.js';
import { ruleTester } from '../../helpers/rule-tester.js';

ruleTester(rule, {
  valid: [
    'FROM python:3.12\nENTRYPOINT ["python3"]\nCMD ["app.py"]\n',
    { name: 'one per stage', code: 'FROM python:3.12 AS a\nENTRYPOINT ["a"]\nFROM python:3.12\nENTRYPOINT ["b"]\n' },
  ],
  invalid: [
    {
      code: 'FROM python:3.12\nENTRYPOINT ["python3"]\nENTRYPOINT ["gunicorn", "app:app"]\n',
      errors: [{ line: 3, column: 1, endLine: 3, endColumn: 11, message: 'line 2' }],
      output: 'FROM python:3.12\nENTRYPOINT ["gunicorn", "app:app"]\n',
    },
    {
      name: 'three entrypoints give two findings',
      code: 'FROM python:3.12\nENTRYPOINT a\nENTRYPOINT b\nENTRYPOINT c\n',
      errors: [{ line: 3, column: 1 }, { line: 4, column: 1, message: 'line 2' }],
      output: 'FROM python:3.12\nENTRYPOINT c\n',
    },
  ],
});
