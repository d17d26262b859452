import { describe, expect, it } from 'vitest';
import { formatResult } from '../../src/formatters/index.js';
import { aptYes, imageFinding, latest, makeResult, options, otherFile } from './fixtures.js';
import { children, parseXml } from './xml.js';

const junit = (...args: Parameters<typeof makeResult>) => parseXml(formatResult('junit', makeResult(...args), options())).root;

describe('junit formatter', () => {
  it('one testsuite per file, one failing testcase per finding, passing case for clean files', () => {
    const root = junit([latest, aptYes, otherFile], { files: ['Dockerfile', 'clean/Dockerfile', 'sub dir/Dockerfile.prod'] });
    expect(root.name).toBe('testsuites');
    expect(root.attrs).toEqual({ name: 'shipready', tests: '4', failures: '3', errors: '0' });
    const suites = children(root, 'testsuite');
    expect(suites.map((s) => [s.attrs.name, s.attrs.tests, s.attrs.failures, s.attrs.errors])).toEqual([
      ['Dockerfile', '2', '2', '0'],
      ['clean/Dockerfile', '1', '0', '0'],
      ['sub dir/Dockerfile.prod', '1', '1', '0'],
    ]);
    const cases = children(suites[0], 'testcase');
    expect(cases.map((c) => c.attrs)).toEqual([
      { name: 'DF007/latest-tag at 1:6', classname: 'Dockerfile' },
      { name: 'DF012/apt-missing-yes at 3:23', classname: 'Dockerfile' },
    ]);
    const [failure] = children(cases[1], 'failure');
    expect(failure.attrs).toEqual({ message: aptYes.message, type: 'error' });
    expect(failure.text).toBe(`Dockerfile:3:23  error  ${aptYes.message}  DF012/apt-missing-yes (DL3014)`);
    const clean = children(suites[1], 'testcase');
    expect(clean).toHaveLength(1);
    expect(clean[0].attrs).toEqual({ name: 'no problems', classname: 'clean/Dockerfile' });
    expect(clean[0].children).toEqual([]);
    // Escaped content round-trips.
    const [otherFailure] = children(children(suites[2], 'testcase')[0], 'failure');
    expect(otherFailure.attrs.message).toBe(otherFile.message);
    expect(otherFailure.attrs.type).toBe('style');
  });

  it('a clean run without files still yields one passing testcase', () => {
    const root = junit([], { files: [] });
    expect(root.attrs).toEqual({ name: 'shipready', tests: '1', failures: '0', errors: '0' });
    const [suite] = children(root, 'testsuite');
    expect(suite.attrs).toEqual({ name: 'shipready', tests: '1', failures: '0', errors: '0', skipped: '0' });
    expect(children(suite, 'testcase').map((c) => c.attrs.name)).toEqual(['no problems']);
  });

  it('run errors are <error> test cases; image findings are grouped by image', () => {
    const root = junit([imageFinding], { files: ['Dockerfile'], errors: [{ file: 'Dockerfile', message: 'cannot <read>', kind: 'input' }, { message: 'bad config', kind: 'config' }] });
    expect(root.attrs).toEqual({ name: 'shipready', tests: '3', failures: '1', errors: '2' });
    const suites = children(root, 'testsuite');
    expect(suites.map((s) => s.attrs.name)).toEqual(['Dockerfile', 'registry.example.com/app:1.2', 'shipready']);
    const [err] = children(children(suites[0], 'testcase')[0], 'error');
    expect(err.attrs).toEqual({ message: 'cannot <read>', type: 'input' });
    expect(suites[0].attrs.errors).toBe('1');
    const [imageCase] = children(suites[1], 'testcase');
    expect(imageCase.attrs.name).toBe('IM001/image-runs-as-root at 3 /etc/passwd Config.User');
    expect(children(imageCase, 'failure')[0].text).toBe(
      'registry.example.com/app:1.2:3 /etc/passwd Config.User  warning  The image runs as root.  IM001/image-runs-as-root (CIS-DI-0001)',
    );
  });
});
