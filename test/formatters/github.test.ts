import { describe, expect, it } from 'vitest';
import { formatResult } from '../../src/formatters/index.js';
import { escapeData, escapeProperty } from '../../src/formatters/github.js';
import { aptYes, bareImageFinding, imageFinding, latest, makeResult, multiLine, options, otherFile } from './fixtures.js';

const gh = (...args: Parameters<typeof makeResult>) => formatResult('github', makeResult(...args), options());

/** Undo the workflow-command escaping (what the runner does). */
const unescape = (s: string) => s.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%3A/g, ':').replace(/%2C/g, ',').replace(/%25/g, '%');

describe('github formatter', () => {
  it('writes one workflow command per finding with position and title', () => {
    expect(gh([latest, aptYes])).toBe(
      [
        '::warning file=Dockerfile,line=1,col=6,endLine=1,endColumn=17,title=DF007 latest-tag::Image "node:latest" uses the :latest tag; pin a version such as node:<version> (a digest also pins it).',
        '::error file=Dockerfile,line=3,col=23,endLine=3,endColumn=38,title=DF012 apt-missing-yes::apt-get install without -y waits for a confirmation the build cannot give; add -y.',
        '',
      ].join('\n'),
    );
  });

  it('maps info and style to notice and drops columns on multi-line annotations', () => {
    const lines = gh([multiLine, otherFile]).trimEnd().split('\n');
    expect(lines[0]).toBe('::notice file=Dockerfile,line=4,endLine=5,title=DF900 made-up-rule::A span over two lines.');
    expect(lines[1].startsWith('::notice ')).toBe(true);
  });

  it('escapes %, CR and LF in the message and also , and : in properties', () => {
    const f = { ...otherFile, ruleName: 'a,b:c', location: { ...otherFile.location, file: 'dir,x/we:ird%\r\n.Dockerfile' } };
    const [line] = gh([f]).trimEnd().split('\n');
    expect(line).toBe(
      '::notice file=dir%2Cx/we%3Aird%25%0D%0A.Dockerfile,line=2,col=1,endLine=2,endColumn=5,title=DF007 a%2Cb%3Ac::Styled <note> & "quotes", commas: colons%25%0Asecond line',
    );
    // Exactly one line, and the runner's split on the first `::` after the properties gets our pieces back.
    const m = /^::(\w+) (.*?)::(.*)$/.exec(line)!;
    const props = Object.fromEntries(m[2].split(',').map((kv) => kv.split('=')).map(([k, v]) => [k, unescape(v)]));
    expect(props.file).toBe('dir,x/we:ird%\r\n.Dockerfile');
    expect(props.title).toBe('DF007 a,b:c');
    expect(unescape(m[3])).toBe(otherFile.message);
    expect(escapeData('100%\r\n')).toBe('100%25%0D%0A');
    expect(escapeProperty('a:b,c%')).toBe('a%3Ab%2Cc%25');
  });

  it('a message cannot start a second workflow command', () => {
    const f = { ...latest, message: 'x\n::error file=/etc/passwd::owned' };
    const out = gh([f]);
    expect(out.trimEnd().split('\n')).toHaveLength(1);
    expect(out).toContain('::x%0A::error file=/etc/passwd::owned');
  });

  it('image findings have no file: the image location leads the message', () => {
    expect(gh([imageFinding, bareImageFinding]).trimEnd().split('\n')).toEqual([
      '::warning title=IM001 image-runs-as-root::registry.example.com/app:1.2:3 /etc/passwd Config.User: The image runs as root.',
      '::notice title=IM002 image-no-healthcheck::app:1.2: No HEALTHCHECK.',
    ]);
  });

  it('reports run errors as error annotations', () => {
    expect(gh([], { files: [], errors: [{ file: 'a,b/Dockerfile', message: 'cannot read', kind: 'input' }, { message: 'bad\nconfig', kind: 'config' }] })).toBe(
      '::error file=a%2Cb/Dockerfile,title=shipready input error::cannot read\n::error title=shipready config error::bad%0Aconfig\n',
    );
  });
});
