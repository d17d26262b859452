import rule from '../../../src/rules/compose/syntax-error.js';
import { composeRuleTester } from '../../helpers/compose-tester.js';

composeRuleTester(rule, {
  valid: ['services:\n  a:\n    image: x:1\n', { name: 'an empty file', code: '' }],
  invalid: [
    { code: 'services:\n  a:\n    image: x:1\n    image: x:2\n', errors: [{ line: 4, column: 5, message: 'duplicate key "image"' }] },
    { code: 'services:\n  a:\n\timage: x:1\n', errors: [{ line: 3, column: 1, message: 'tab' }] },
    { code: 'services:\n  a:\n    image: "x:1\n', errors: [{ line: 3, column: 12 }] },
    { name: 'malformed interpolation', code: 'services:\n  a:\n    image: "x:${TAG"\n', errors: [{ line: 3, column: 12, message: 'has no closing' }] },
    { name: 'syntax error in an override file', main: ['compose.yaml', 'o.yaml'], files: { 'compose.yaml': 'services: {}\n', 'o.yaml': 'services:\n  a: [\n' }, errors: [{ file: 'o.yaml', line: 3, column: 1 }] },
    { name: 'a key indented unlike its siblings is shown at the key, past its indentation', code: 'services:\n  app:\n      build: .\n    volumes:\n      - .:/app\n', errors: [{ line: 4, column: 5, endColumn: 12, message: 'All mapping items must start at the same column' }] },
    { name: 'also when the parser stops on a blank line above the key', code: 'services:\n  app:\n    ports:\n     - "3000:3000"\n     \n     volumes:\n      - .:/app\n', errors: [{ line: 6, column: 6, endColumn: 13 }] },
  ],
});
