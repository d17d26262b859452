import { describe, expect, it } from 'vitest';
import { guessStdinType } from '../../src/cli/stdin-type.js';

describe('guessStdinType', () => {
  it.each([
    ['services:\n  app:\n    image: x\n', 'compose'],
    ['# comment\n\n---\nservices: {}\n', 'compose'],
    ['%YAML 1.2\n---\n', 'compose'],
    ['{"services": {}}', 'compose'],
    ['"services":\n', 'compose'],
    ['x-common: &c\n  restart: always\n', 'compose'],
    ['version: "3.8"\r\nservices:\r\n', 'compose'],
    ['FROM alpine:3.20\n', 'dockerfile'],
    ['# syntax=docker/dockerfile:1\n# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\n', 'dockerfile'],
    ['ARG BASE=node:20\nFROM ${BASE}\n', 'dockerfile'],
    ['from alpine\n', 'dockerfile'],
    ['RUN echo a:b\n', 'dockerfile'],
    ['', 'dockerfile'],
    ['\n# only comments\n', 'dockerfile'],
  ])('%j is a %s', (text, kind) => {
    expect(guessStdinType(text)).toBe(kind);
  });
});
