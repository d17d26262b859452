import { describe, expect, it } from 'vitest';
import { formatResult } from '../../src/formatters/index.js';
import { aptYes, bareImageFinding, imageFinding, latest, makeResult, multiLine, options, otherFile } from './fixtures.js';
import { children, parseXml } from './xml.js';

const checkstyle = (...args: Parameters<typeof makeResult>) => parseXml(formatResult('checkstyle', makeResult(...args), options()));

describe('checkstyle formatter', () => {
  it('the test XML reader rejects malformed documents', () => {
    for (const bad of ['<a b="<"/>', '<a></b>', '<a>&</a>', '<a b="1" b="2"/>', '<a>\u0001</a>', '<a/><b/>', '<a b="&bogus;"/>']) {
      expect(() => parseXml(bad), bad).toThrow();
    }
    expect(parseXml('<a b="x&#10;y&amp;"><c>t&lt;</c></a>').root).toEqual({
      name: 'a',
      attrs: { b: 'x\ny&' },
      children: [{ name: 'c', attrs: {}, children: [], text: 't<' }],
      text: '',
    });
  });

  it('writes well-formed checkstyle XML, one <file> per file, one <error> per finding', () => {
    const { declaration, root } = checkstyle([latest, aptYes, multiLine, otherFile], { files: ['Dockerfile', 'sub dir/Dockerfile.prod', 'clean/Dockerfile'] });
    expect(declaration).toBe('<?xml version="1.0" encoding="UTF-8"?>');
    expect(root.name).toBe('checkstyle');
    expect(root.attrs).toEqual({ version: '4.3' });
    const files = children(root, 'file');
    expect(files.map((f) => f.attrs.name)).toEqual(['Dockerfile', 'sub dir/Dockerfile.prod', 'clean/Dockerfile']);
    expect(files[2].children).toEqual([]);
    const errs = children(files[0], 'error');
    expect(errs.map((e) => e.attrs)).toEqual([
      { line: '1', column: '6', severity: 'warning', message: latest.message, source: 'shipready.DF007' },
      { line: '3', column: '23', severity: 'error', message: aptYes.message, source: 'shipready.DF012' },
      { line: '4', column: '5', severity: 'info', message: 'A span over two lines.', source: 'shipready.DF900' },
    ]);
  });

  it('escapes markup, quotes and newlines so the message round-trips', () => {
    const { root } = checkstyle([otherFile, { ...latest, message: "it's <b> & 'c' ]]> \t tab" }]);
    const [other] = children(root, 'file').filter((f) => f.attrs.name === 'sub dir/Dockerfile.prod');
    const [err] = children(other, 'error');
    expect(err.attrs.severity).toBe('info');
    expect(err.attrs.message).toBe('Styled <note> & "quotes", commas: colons%\nsecond line');
    const [df] = children(root, 'file').filter((f) => f.attrs.name === 'Dockerfile');
    expect(children(df, 'error')[0].attrs.message).toBe("it's <b> & 'c' ]]> \t tab");
  });

  it('replaces characters XML 1.0 cannot carry instead of writing a broken document', () => {
    const raw = formatResult('checkstyle', makeResult([{ ...latest, message: 'nul\u0000 esc\u001b lone\ud800 ok😀' }]), options());
    const { root } = parseXml(raw);
    expect(children(children(root, 'file')[0], 'error')[0].attrs.message).toBe('nul\ufffd esc\ufffd lone\ufffd ok😀');
  });

  it('image findings are grouped by image, without line and column', () => {
    const { root } = checkstyle([imageFinding, bareImageFinding]);
    const files = children(root, 'file');
    expect(files.map((f) => f.attrs.name)).toEqual(['registry.example.com/app:1.2', 'app:1.2']);
    expect(children(files[0], 'error')[0].attrs).toEqual({
      severity: 'warning',
      message: 'registry.example.com/app:1.2:3 /etc/passwd Config.User: The image runs as root.',
      source: 'shipready.IM001',
    });
    expect(children(files[1], 'error')[0].attrs).toEqual({ severity: 'info', message: 'No HEALTHCHECK.', source: 'shipready.IM002' });
  });

  it('a clean run lists the files with no errors; run errors appear as errors', () => {
    expect(formatResult('checkstyle', makeResult([], { files: ['Dockerfile'] }), options())).toBe(
      '<?xml version="1.0" encoding="UTF-8"?>\n<checkstyle version="4.3">\n  <file name="Dockerfile"/>\n</checkstyle>\n',
    );
    const { root } = checkstyle([], { files: ['Dockerfile'], errors: [{ file: 'Dockerfile', message: 'cannot read', kind: 'input' }, { message: 'bad config', kind: 'config' }] });
    const files = children(root, 'file');
    expect(files.map((f) => f.attrs.name)).toEqual(['Dockerfile', 'shipready']);
    expect(children(files[0], 'error')[0].attrs).toEqual({ severity: 'error', message: 'cannot read', source: 'shipready.input-error' });
    expect(children(files[1], 'error')[0].attrs.source).toBe('shipready.config-error');
  });
});
