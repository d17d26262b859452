import rule from '../../../src/rules/context/context-too-large.js';
import { contextRuleTester } from '../../helpers/context-tester.js';

const big = (n: number) => 'x'.repeat(n);

contextRuleTester(rule, {
  valid: [
    { name: 'under the limit', options: { maxSize: '10kB' }, files: { Dockerfile: 'FROM alpine\nCOPY . /x\n', 'a.bin': big(5000) } },
    { name: 'large files that no COPY takes are not transferred', options: { maxSize: '1kB' }, files: { Dockerfile: 'FROM alpine\nCOPY app.sh /x\n', 'app.sh': 'echo', 'data/big.csv': big(50_000) } },
    { name: 'excluded', options: { maxSize: '1kB' }, files: { Dockerfile: 'FROM alpine\nCOPY . /x\n', '.dockerignore': 'data\n', 'data/big.csv': big(50_000) } },
    { name: 'the default limit is 100MB', files: { Dockerfile: 'FROM alpine\nCOPY . /x\n', 'a.bin': big(200_000) } },
    { name: 'binary units', options: { maxSize: '1MiB' }, files: { Dockerfile: 'FROM alpine\nCOPY . /x\n', 'a.bin': big(1_048_000) } },
  ],
  invalid: [
    {
      name: 'COPY . . with a data directory; points at the source taking most',
      options: { maxSize: '10kB' },
      files: { Dockerfile: 'FROM alpine\nCOPY app.sh /x/\nCOPY . /srv\n', 'app.sh': big(100), 'data/a.csv': big(30_000), 'data/b.csv': big(20_000), 'models/m.bin': big(15_000) },
      errors: [{ line: 3, column: 6, endColumn: 7, message: 'This build sends 65.1 kB of the build context to the builder (5 files; limit 10.0 kB); the largest parts: data/ 50.0 kB, models/ 15.0 kB, app.sh 100 B.' }],
    },
    {
      name: 'two sources together',
      options: { maxSize: 1000 },
      files: { Dockerfile: 'FROM alpine\nCOPY a /a\nCOPY b /b\n', 'a/x': big(600), 'b/y': big(700) },
      errors: [{ line: 3, column: 6, endColumn: 7, message: 'sends 1.3 kB' }],
    },
  ],
});
