import rule from '../../../src/rules/dockerfile/cmd-multiple.js';
import { ruleTester } from '../../helpers/rule-tester.js';

ruleTester(rule, {
  valid: [
    'FROM node:20\nCMD ["node", "server.js"]\n',
    { name: 'one per stage', code: 'FROM node:20 AS test\nCMD ["npm", "test"]\nFROM node:20\nCMD ["node", "server.js"]\n' },
    { name: 'ONBUILD CMD is not a CMD of this stage', code: 'FROM node:20\nCMD ["node"]\nONBUILD CMD ["npm", "start"]\n' },
  ],
  invalid: [
    {
      code: 'FROM node:20\nCMD ["node", "migrate.js"]\nCMD ["node", "server.js"]\n',
      errors: [{ line: 3, column: 1, endLine: 3, endColumn: 4, message: 'line 2' }],
    },
    {
      name: 'shell and exec form mixed',
      code: 'FROM node:20\nCMD node a.js\nRUN true\ncmd ["node", "b.js"]\n',
      errors: [{ line: 4, column: 1, endColumn: 4 }],
    },
  ],
});
