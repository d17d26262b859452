import { describe, expect, it } from 'vitest';
import { lintText } from '../../src/api.js';

// Only the two rules these cases are about: other rules' findings are not the subject here.
const SUBJECT = new Set(['latest-tag', 'apt-missing-yes']);
const names = (text: string, config = {}) =>
  lintText(text, { config }).findings.filter((f) => SUBJECT.has(f.ruleName)).map((f) => `${(f.location as { line: number }).line}:${f.ruleName}`);

describe('suppressions', () => {
  it('hadolint ignore= covers the whole next instruction, by alias, name or code', () => {
    const text = 'FROM node:latest\n# hadolint ignore=DL3014\nRUN apt-get update && \\\n  apt-get install curl\nRUN apt-get install curl\n';
    expect(names(text).filter((n) => n.endsWith('apt-missing-yes'))).toEqual(['5:apt-missing-yes']);
    expect(names(text.replace('DL3014', 'apt-missing-yes')).filter((n) => n.endsWith('apt-missing-yes'))).toEqual(['5:apt-missing-yes']);
    expect(names(text.replace('# hadolint ignore=DL3014', '# shipready-ignore DF012 -- vendor image answers prompts')).filter((n) => n.endsWith('apt-missing-yes'))).toEqual(['5:apt-missing-yes']);
  });

  it('reads a colon or an equals sign after shipready-ignore, as people write it', () => {
    const text = 'FROM node:latest\n# hadolint ignore=DL3014\nRUN apt-get install curl\n';
    for (const pragma of ['# shipready-ignore: DF012', '# shipready-ignore=DF012', '# SHIPREADY-IGNORE : apt-missing-yes -- reason']) {
      expect(names(text.replace('# hadolint ignore=DL3014', pragma)), pragma).toEqual(['1:latest-tag']);
    }
    expect(names(`# shipready-ignore-file: DF012, DF007\n${text}`)).toEqual([]);
  });

  it('a reason after a second # is allowed', () => {
    const text = 'FROM node:latest # x\n';
    expect(names('# hadolint ignore=DL3007 # we track latest on purpose\n' + text)).not.toContain('1:latest-tag');
    expect(names('# hadolint ignore=DL3007 # we track latest on purpose\n' + text).filter((n) => n.endsWith('latest-tag'))).toEqual([]);
  });

  it('global and file-level pragmas cover the whole file', () => {
    const text = 'FROM node:latest\nRUN apt-get install curl\n# hadolint global ignore=DL3014,DL3007\nRUN apt-get install wget\n';
    expect(names(text)).toEqual([]);
    expect(names(text.replace('# hadolint global ignore=DL3014,DL3007', '# shipready-ignore-file apt-missing-yes'))).toEqual(['1:latest-tag']);
  });

  it('stage pragmas apply only to the stage below them', () => {
    const text = '# hadolint stage ignore=DL3014\nFROM debian:12 AS build\nRUN apt-get install -q a\nFROM debian:12\nRUN apt-get install -q b\n';
    expect(names(text)).toEqual(['5:apt-missing-yes']);
  });

  it('an ignore comment does not reach past the next instruction', () => {
    const text = 'FROM debian:12\n# hadolint ignore=DL3014\n\nRUN echo hi\nRUN apt-get install a\n';
    expect(names(text)).toEqual(['5:apt-missing-yes']);
  });

  it('disableIgnorePragma turns pragmas off', () => {
    const text = 'FROM debian:12\n# hadolint ignore=DL3014\nRUN apt-get install a\n';
    expect(names(text, { disableIgnorePragma: true })).toEqual(['3:apt-missing-yes']);
  });

  it('an ignore comment reaches its instruction over comments, blank lines, CRLF and indentation only', () => {
    const crlf = 'FROM debian:12\r\n# hadolint ignore=DL3014\r\n\r\n# why: vendor mirror\r\n   RUN apt-get install a\r\nRUN apt-get install b\r\n';
    expect(names(crlf)).toEqual(['6:apt-missing-yes']);
    // A pragma inside a continuation belongs to that instruction: it does not reach the next one,
    // however many comments follow it.
    const inner = `FROM debian:12\nRUN echo a \\\n${'# hadolint ignore=DL3014\n'.repeat(3)}  && echo b\nRUN apt-get install c\n`;
    expect(names(inner)).toEqual(['7:apt-missing-yes']);
  });

  it('thousands of pragmas and findings: each pragma covers its own instruction, global ones all', () => {
    const n = 3000;
    const lines = ['FROM debian:12'];
    for (let i = 0; i < n; i++) lines.push(i % 2 ? '# hadolint ignore=DL3014' : '# unrelated', 'RUN apt-get install x');
    const text = `${lines.join('\n')}\n`;
    const found = names(text);
    expect(found).toHaveLength(n / 2);
    expect(found.every((f) => f.endsWith('apt-missing-yes'))).toBe(true);
    expect(found[0]).toBe('3:apt-missing-yes');
    expect(found.at(-1)).toBe(`${2 * n - 1}:apt-missing-yes`);
    const global = `${'# hadolint global ignore=dl3014\n'.repeat(n)}${text}`;
    expect(names(global)).toEqual([]);
    // Many comments stacked above one instruction: all of them reach it.
    const stacked = `FROM debian:12\n${'# hadolint ignore=DL9999\n'.repeat(n)}# hadolint ignore=apt-missing-yes\nRUN apt-get install x\n`;
    expect(names(stacked)).toEqual([]);
  });
});
