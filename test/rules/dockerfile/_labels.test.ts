import { describe, expect, it } from 'vitest';
import { isEmail, isGitHash, isRfc3339, isSemver, isSpdxExpression, isUrl } from '../../../src/rules/dockerfile/_labels.js';

const table = (name: string, fn: (v: string) => boolean, good: string[], bad: string[]): void => {
  describe(name, () => {
    it.each(good)('accepts %j', (v) => expect(fn(v)).toBe(true));
    it.each(bad)('rejects %j', (v) => expect(fn(v)).toBe(false));
  });
};

table('isUrl', isUrl, [
  'https://github.com/example/demo',
  'http://example.com:8080/a/b?c=d&e=f#frag',
  'https://user:pw@example.com/',
  'http://[::1]:80/',
  'https://example.com/%20space',
  'mailto:team@example.com',
  'urn:isbn:0451450523',
  'git+ssh://git@github.com/org/repo.git',
], [
  'github.com/example/demo',
  'www.example.com',
  'https://',
  'https:///path',
  'https://example.com/a b',
  'https://example.com:port/',
  'https://exa mple.com',
  'https://example.com/#a#b',
  'https://例え.jp/',
  '1http://x',
  '',
]);

table('isRfc3339', isRfc3339, [
  '2024-05-01T12:00:00Z',
  '2024-05-01t12:00:00z',
  '2024-05-01T12:00:00.123456+02:00',
  '2024-02-29T00:00:00-05:30',
  '2016-12-31T23:59:60Z',
], [
  '2024-05-01',
  '2024-05-01T12:00:00',
  '2024-05-01 12:00:00Z',
  '2024-05-01T12:00Z',
  '2023-02-29T00:00:00Z',
  '2024-13-01T00:00:00Z',
  '2024-04-31T00:00:00Z',
  '2024-05-01T24:00:00Z',
  '2024-05-01T12:00:00+0200',
  '$BUILD_DATE',
]);

table('isSpdxExpression', isSpdxExpression, [
  'MIT',
  'mit',
  'Apache-2.0',
  'GPL-2.0',
  'GPL-2.0+',
  'MIT OR Apache-2.0',
  'MIT or Apache-2.0',
  '(MIT OR Apache-2.0) AND BSD-3-Clause',
  'GPL-2.0-only WITH Classpath-exception-2.0',
  'LicenseRef-Proprietary',
  'DocumentRef-spdx-tool-1.2:LicenseRef-MIT-Style-2',
  '((MIT))',
], [
  'Apache 2',
  'GPLv3',
  'MIT OR',
  'MIT AND OR Apache-2.0',
  '(MIT',
  'MIT)',
  'MIT Or Apache-2.0',
  'MIT WITH MIT',
  '(MIT) WITH Classpath-exception-2.0',
  'NOASSERTION',
  '',
]);

table('isGitHash', isGitHash, [
  'abc1234',
  '4f2c1e9a7b3d5f60718293a4b5c6d7e8f9012345',
  '4f2c1e9a7b3d',
  'a'.repeat(64),
], [
  'abc123',
  'ABC1234',
  'main',
  'v1.2.3',
  'a'.repeat(41),
  'g123456',
]);

table('isSemver', isSemver, [
  '1.0.0',
  '0.0.0',
  '10.20.30',
  '1.0.0-rc.1',
  '1.0.0-alpha-a.b-c-somethinglong+build.1-aef.1-its-okay',
  '1.0.0+20130313144700',
], [
  'v1.0.0',
  '1.0',
  '01.0.0',
  '1.0.0-01',
  '1.0.0-',
  '1.0.0+',
  'latest',
  '1.0.0.0',
]);

table('isEmail', isEmail, [
  'team@example.com',
  'first.last+tag@sub.example.co.uk',
  'root@localhost',
  '"john doe"@example.com',
  'user@[192.168.0.1]',
  'Jane Doe <jane@example.com>',
  '<jane@example.com>',
], [
  'Jane Doe',
  'jane@',
  '@example.com',
  'jane doe@example.com',
  'jane..doe@example.com',
  '.jane@example.com',
  'jane@example..com',
  'a@b, c@d',
  'https://example.com',
  `${'a'.repeat(65)}@example.com`,
]);
