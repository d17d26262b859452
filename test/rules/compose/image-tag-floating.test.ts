import rule from '../../../src/rules/compose/image-tag-floating.js';
import { composeRuleTester } from '../../helpers/compose-tester.js';

composeRuleTester(rule, {
  valid: [
    'services:\n  a:\n    image: redis:7.4.1\n',
    'services:\n  a:\n    image: redis@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef\n',
    { name: 'built image names are not pulled', code: 'services:\n  a:\n    build: .\n    image: myapp\n' },
    { name: 'tag from an unset variable is unknown', code: 'services:\n  a:\n    image: "myorg/app:${TAG}"\n' },
    { name: 'registry with a port is not a tag', code: 'services:\n  a:\n    image: registry.local:5000/app:1.2\n' },
  ],
  invalid: [
    { code: 'services:\n  a:\n    image: redis\n', errors: [{ line: 3, column: 12, endColumn: 17, message: 'without a tag' }] },
    { code: 'services:\n  a:\n    image: "redis:latest"\n', errors: [{ line: 3, column: 19, endColumn: 25, message: 'floating tag "latest"' }] },
    { name: 'default value of a variable', code: 'services:\n  a:\n    image: "myorg/app:${TAG:-latest}"\n', errors: [{ line: 3, column: 12, endColumn: 38 }] },
    { name: 'registry port is not mistaken for a tag', code: 'services:\n  a:\n    image: registry.local:5000/app\n', errors: [{ line: 3, column: 12, message: 'without a tag' }] },
    { name: 'requireDigest', code: 'services:\n  a:\n    image: redis:7.4.1\n', options: { requireDigest: true }, errors: [{ line: 3, column: 12, message: 'without a digest' }] },
    { name: 'through an anchor', code: 'x-img: &img nginx:stable\nservices:\n  a:\n    image: *img\n', errors: [{ line: 1, column: 19, endColumn: 25 }] },
  ],
});
