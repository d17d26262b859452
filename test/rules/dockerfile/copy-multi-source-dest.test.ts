import rule from '../../../src/rules/dockerfile/copy-multi-source-dest.js';
import { ruleTester } from '../../helpers/rule-tester.js';

ruleTester(rule, {
  valid: [
    'FROM node:20\nCOPY package.json /app\n',
    'FROM node:20\nCOPY package.json package-lock.json /app/\n',
    'FROM node:20\nWORKDIR /app\nCOPY a b ./\n',
    { name: 'slash inside quotes (hadolint #749)', code: 'FROM node:20\nARG V=1\nCOPY a b "/opt/app-$V/"\n' },
    { name: 'variable ending in a slash', code: 'FROM node:20\nENV DEST=/app/\nCOPY a b $DEST\n' },
    { name: 'unknown variable', code: 'FROM node:20\nARG DEST\nCOPY a b $DEST\n' },
    { name: 'JSON form with slash', code: 'FROM node:20\nCOPY ["a", "b", "/app/"]\n' },
    { name: 'single source with flags', code: 'FROM node:20\nCOPY --from=build --chown=1000 /out /app\n' },
  ],
  invalid: [
    {
      code: 'FROM node:20\nCOPY package.json package-lock.json /app\n',
      errors: [{ line: 2, column: 37, endLine: 2, endColumn: 41, message: 'has 2 sources' }],
      output: 'FROM node:20\nCOPY package.json package-lock.json /app/\n',
    },
    {
      name: 'dot destination',
      code: 'FROM node:20\nWORKDIR /app\nCOPY a b .\n',
      errors: [{ line: 3, column: 10, endColumn: 11 }],
      output: 'FROM node:20\nWORKDIR /app\nCOPY a b ./\n',
    },
    {
      name: 'quoted destination gets the slash inside the quotes',
      code: 'FROM node:20\nCOPY a b "/app"\n',
      errors: [{ line: 2, column: 10, endColumn: 16 }],
      output: 'FROM node:20\nCOPY a b "/app/"\n',
    },
    {
      // COPY splits at spaces before it reads quotes: the last word is `dir"`, whose quote is part of
      // it. Put inside that quote, the slash left the finding, and --fix added one per pass.
      name: 'a quote that closes nothing: the slash goes after it, and the fix ends the finding',
      code: 'FROM node:20\nCOPY a b "/my dir"\n',
      errors: [{ line: 2, column: 15, endColumn: 19, message: 'has 3 sources' }],
      output: 'FROM node:20\nCOPY a b "/my dir"/\n',
    },
    {
      name: 'JSON form',
      code: 'FROM node:20\nCOPY ["a", "b", "/app"]\n',
      errors: [{ line: 2, column: 17, endColumn: 23 }],
      output: 'FROM node:20\nCOPY ["a", "b", "/app/"]\n',
    },
    {
      name: 'destination on a continuation line',
      code: 'FROM node:20\nCOPY --chown=node a \\\n     b \\\n     /srv\n',
      errors: [{ line: 4, column: 6, endColumn: 10 }],
      output: 'FROM node:20\nCOPY --chown=node a \\\n     b \\\n     /srv/\n',
    },
  ],
});
