import rule from '../../../src/rules/dockerfile/remote-add-without-checksum.js';
import { ruleTester } from '../../helpers/rule-tester.js';

const SHA = 'sha256:24454f830cdb571e2c4ad15481119c43b3cafd48dd869a9b2015d0b1b0f8ec56';
const COMMIT = '9f2c1e4b7a3d5f6e8c0b1a2d3e4f5a6b7c8d9e0f';

ruleTester(rule, {
  valid: [
    `FROM debian:12-slim\nADD --checksum=${SHA} https://example.com/tool.tar.gz /tmp/\n`,
    { name: 'local files', code: 'FROM debian:12-slim\nADD rootfs.tar.gz /\n' },
    { name: 'COPY is not ADD', code: 'FROM debian:12-slim\nCOPY https-notes.txt /tmp/\n' },
    { name: 'git source pinned to a commit', code: `FROM debian:12-slim\nADD https://github.com/moby/buildkit.git#${COMMIT} /src\n` },
    { name: 'git source pinned with a subdir', code: `FROM debian:12-slim\nADD git@github.com:moby/buildkit.git#${COMMIT}:docs /docs\n` },
    { name: 'unresolvable URL variable', code: 'FROM debian:12-slim\nARG URL\nADD ${URL} /tmp/x\n' },
    { name: 'URL as the destination is not a source', code: 'FROM debian:12-slim\nADD local.txt /https://odd/\n' },
  ],
  invalid: [
    {
      code: 'FROM debian:12-slim\nADD https://example.com/tool-1.2.3.tar.gz /tmp/\n',
      errors: [{ line: 2, column: 5, endLine: 2, endColumn: 42, message: '--checksum=sha256:' }],
    },
    {
      name: 'URL from an ARG default',
      code: 'FROM debian:12-slim\nARG VERSION=1.2.3\nADD https://example.com/v${VERSION}/tool /usr/local/bin/tool\n',
      errors: [{ line: 3, column: 5, endColumn: 41, message: 'https://example.com/v1.2.3/tool' }],
    },
    {
      name: 'exec form, second source, continuation line',
      code: 'FROM debian:12-slim\nADD ["local.txt", \\\n     "http://example.com/a.bin", "/opt/"]\n',
      errors: [{ line: 3, column: 7, endColumn: 31 }],
    },
    {
      name: 'git source on a branch',
      code: 'FROM debian:12-slim\nADD https://github.com/moby/buildkit.git#main /src\n',
      errors: [{ line: 2, column: 5, endColumn: 46, message: 'pin the full commit' }],
    },
    {
      name: 'git source without any ref',
      code: 'FROM debian:12-slim\nADD --keep-git-dir=true git@github.com:moby/buildkit.git /src\n',
      errors: [{ line: 2, column: 25, message: 'moving ref' }],
    },
    {
      name: 'ONBUILD trigger',
      code: 'FROM debian:12-slim\nONBUILD ADD https://example.com/x /x\n',
      errors: [{ line: 2, column: 13, endColumn: 34 }],
    },
  ],
});
