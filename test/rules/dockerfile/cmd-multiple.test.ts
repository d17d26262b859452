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
      output: 'FROM node:20\nCMD ["node", "server.js"]\n',
    },
    {
      name: 'three: each later one deletes the one before it; continuation lines and CRLF go with it',
      code: 'FROM node:20\r\n  CMD ["node", \\\r\n       "a.js"]\r\nCMD node b.js  \r\nEXPOSE 3000\r\nCMD ["node", "c.js"]\r\n',
      errors: [{ line: 4, column: 1 }, { line: 6, column: 1 }],
      output: 'FROM node:20\r\nEXPOSE 3000\r\nCMD ["node", "c.js"]\r\n',
    },
    {
      name: 'shell and exec form mixed',
      code: 'FROM node:20\nCMD node a.js\nRUN true\ncmd ["node", "b.js"]\n',
      errors: [{ line: 4, column: 1, endColumn: 4 }],
      output: 'FROM node:20\nRUN true\ncmd ["node", "b.js"]\n',
    },
  ],
});
