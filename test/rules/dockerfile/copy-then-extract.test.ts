import rule from '../../../src/rules/dockerfile/copy-then-extract.js';
import { ruleTester } from '../../helpers/rule-tester.js';

ruleTester(rule, {
  valid: [
    'FROM debian:12\nADD app.tar.gz /opt/\n',
    { name: 'copied archive never extracted', code: 'FROM debian:12\nCOPY app.tar.gz /srv/\n' },
    { name: 'extracting a different archive', code: 'FROM debian:12\nCOPY app.tar.gz /tmp/\nRUN tar -xzf /tmp/other.tar.gz\n' },
    { name: 'tar creating, not extracting', code: 'FROM debian:12\nCOPY app.tar /tmp/\nRUN tar -cf /tmp/out.tar /tmp/app.tar\n' },
    { name: 'zip files are not unpacked by ADD', code: 'FROM debian:12\nCOPY app.zip /tmp/\nRUN unzip /tmp/app.zip\n' },
    { name: 'plain .gz is not unpacked by ADD (hadolint flags it)', code: 'FROM debian:12\nCOPY data.gz /tmp/\nRUN gunzip /tmp/data.gz\n' },
    { name: 'COPY --from another stage', code: 'FROM debian:12 AS dl\nRUN true\nFROM debian:12\nCOPY --from=dl /app.tgz /tmp/\nRUN tar xzf /tmp/app.tgz\n' },
    { name: 'extraction in another stage', code: 'FROM debian:12 AS a\nCOPY app.tgz /tmp/\nFROM debian:12\nRUN tar xzf /tmp/app.tgz\n' },
    { name: 'build-only stage (does not ship)', code: 'FROM debian:12 AS build\nCOPY sdk.tar.xz /tmp/\nRUN tar -xJf /tmp/sdk.tar.xz -C /opt\nFROM debian:12\nCOPY --from=build /opt/sdk/bin/tool /usr/local/bin/\n' },
  ],
  invalid: [
    {
      code: 'FROM debian:12\nCOPY app.tar.gz /tmp/\nRUN tar -xzf /tmp/app.tar.gz -C /opt\n',
      errors: [{ line: 2, column: 6, endLine: 2, endColumn: 16, message: 'unpacked by the RUN on line 3' }],
    },
    {
      name: 'destination names the archive; old-style tar flags',
      code: 'FROM debian:12\nCOPY dist/release-1.2.tgz /tmp/app.tgz\nRUN tar xzf /tmp/app.tgz\n',
      errors: [{ line: 2, column: 27, endColumn: 39, message: '"app.tgz"' }],
    },
    {
      name: 'extraction on a continuation line, --extract',
      code: 'FROM debian:12\nCOPY a.txt vendor.tar.bz2 /tmp/\nRUN mkdir /opt/v && \\\n    tar --extract --file /tmp/vendor.tar.bz2 -C /opt/v\n',
      errors: [{ line: 2, column: 12, endColumn: 26, message: 'line 3' }],
    },
    {
      name: 'decompressor',
      code: 'FROM debian:12\nCOPY ["rootfs.tar.xz", "/tmp/"]\nRUN xz -d /tmp/rootfs.tar.xz\n',
      errors: [{ line: 2, column: 7, endColumn: 22 }],
    },
  ],
});
