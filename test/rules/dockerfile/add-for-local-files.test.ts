import rule from '../../../src/rules/dockerfile/add-for-local-files.js';
import { describe, expect, it } from 'vitest';
import { ruleTester, runRule } from '../../helpers/rule-tester.js';

describe('DF021 fix availability', () => {
  it('offers no fix when a source is an archive or an ADD-only flag is used', () => {
    for (const code of ['FROM debian:12\nADD vendor.tgz app.conf /opt/\n', 'FROM debian:12\nADD --checksum=sha256:abc app.conf /etc/\n', 'FROM debian:12\nADD files/* /opt/\n', 'FROM debian:12\nADD dist/app-?.* /opt/\n']) {
      const found = runRule(rule, { code });
      expect(found).toHaveLength(1);
      expect(found[0].fix).toBeUndefined();
    }
  });
});

ruleTester(rule, {
  valid: [
    'FROM debian:12\nCOPY app.conf /etc/app.conf\n',
    { name: 'local archive to unpack', code: 'FROM debian:12\nADD rootfs.tar.xz /\n' },
    { name: 'URL', code: 'FROM debian:12\nADD https://example.com/tool.bin /usr/local/bin/tool\n' },
    { name: 'git repository (hadolint flags this)', code: 'FROM debian:12\nADD git@github.com:moby/buildkit.git /src\n' },
    { name: 'git URL with --keep-git-dir', code: 'FROM debian:12\nADD --keep-git-dir=true https://github.com/moby/buildkit.git#v0.12.0 /src\n' },
    { name: 'unknown variable (hadolint #769)', code: 'FROM debian:12\nARG SOURCE_URL\nADD ${SOURCE_URL} /opt/\n' },
    { name: 'variable resolving to a URL', code: 'FROM debian:12\nARG V=1.2\nADD https://example.com/tool-${V}.tgz /opt/\n' },
    { name: 'ONBUILD ADD is not checked', code: 'FROM debian:12\nONBUILD ADD . /app/\n' },
  ],
  invalid: [
    {
      name: 'an inline file (heredoc) is named as such',
      code: 'FROM debian:12\nADD <<EOF /etc/motd\nhello\nEOF\n',
      errors: [{ line: 2, column: 1, endColumn: 4, message: 'ADD writes the inline file <<EOF here; use COPY <<EOF, which does the same' }],
      output: 'FROM debian:12\nCOPY <<EOF /etc/motd\nhello\nEOF\n',
    },
    {
      name: 'a wildcard with a literal extension cannot match an archive: fixed',
      code: 'FROM debian:12\nADD src/*.py /app/\n',
      errors: [{ line: 2, column: 1, endColumn: 4, message: '"src/*.py"' }],
      output: 'FROM debian:12\nCOPY src/*.py /app/\n',
    },
    {
      code: 'FROM debian:12\nADD app.conf /etc/app.conf\n',
      errors: [{ line: 2, column: 1, endLine: 2, endColumn: 4, message: '"app.conf"' }],
      output: 'FROM debian:12\nCOPY app.conf /etc/app.conf\n',
    },
    {
      name: 'flags kept, lower-case keyword kept lower-case',
      code: 'FROM debian:12\nadd --chown=app:app --chmod=644 . /app/\n',
      errors: [{ line: 2, column: 1, endColumn: 4 }],
      output: 'FROM debian:12\ncopy --chown=app:app --chmod=644 . /app/\n',
    },
    {
      name: 'JSON form and heredoc',
      code: 'FROM debian:12\nADD ["a b.txt", "/srv/"]\nADD <<EOF /etc/motd\nhello\nEOF\n',
      errors: [{ line: 2, column: 1 }, { line: 3, column: 1 }],
      output: 'FROM debian:12\nCOPY ["a b.txt", "/srv/"]\nCOPY <<EOF /etc/motd\nhello\nEOF\n',
    },
    {
      name: 'mixed with an archive: reported, but no fix (COPY would not unpack)',
      code: 'FROM debian:12\nADD vendor.tgz \\\n    app.conf /opt/\n',
      errors: [{ line: 2, column: 1, message: '"app.conf"' }],
    },
    {
      name: 'ADD-only flag: no fix',
      code: 'FROM debian:12\nADD --checksum=sha256:abc app.conf /etc/\n',
      errors: [{ line: 2, column: 1 }],
    },
  ],
});
