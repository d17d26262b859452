import { summarize } from '../../src/engine/result.js';
import type { LintResult } from '../../src/engine/result.js';
import type { Finding, RunError } from '../../src/finding.js';
import type { FormatOptions } from '../../src/formatters/index.js';
import aptMissingYes from '../../src/rules/dockerfile/apt-missing-yes.js';
import latestTag from '../../src/rules/dockerfile/latest-tag.js';

export const DOCKERFILE = [
  'FROM node:latest',
  'WORKDIR /app',
  'RUN apt-get update && apt-get install curl',
  'RUN echo "a" \\',
  '  && echo "b"',
  '',
].join('\n');

export const latest: Finding = {
  ruleId: 'DF007',
  ruleName: 'latest-tag',
  aliases: ['DL3007'],
  severity: 'warning',
  message: 'Image "node:latest" uses the :latest tag; pin a version such as node:<version> (a digest also pins it).',
  location: { file: 'Dockerfile', line: 1, column: 6, endLine: 1, endColumn: 17 },
  fingerprint: '0123456789abcdef',
};

export const aptYes: Finding = {
  ruleId: 'DF012',
  ruleName: 'apt-missing-yes',
  aliases: ['DL3014'],
  severity: 'error',
  message: 'apt-get install without -y waits for a confirmation the build cannot give; add -y.',
  location: { file: 'Dockerfile', line: 3, column: 23, endLine: 3, endColumn: 38 },
  fix: { title: 'Add -y', applicability: 'safe', edits: [{ start: 67, end: 67, text: ' -y' }] },
  fingerprint: 'fedcba9876543210',
};

export const multiLine: Finding = {
  ruleId: 'DF900',
  ruleName: 'made-up-rule',
  aliases: [],
  severity: 'info',
  message: 'A span over two lines.',
  location: { file: 'Dockerfile', line: 4, column: 5, endLine: 5, endColumn: 14 },
  fingerprint: '1111111111111111',
};

export const otherFile: Finding = {
  ruleId: 'DF007',
  ruleName: 'latest-tag',
  aliases: ['DL3007'],
  severity: 'style',
  message: 'Styled <note> & "quotes", commas: colons%\nsecond line',
  location: { file: 'sub dir/Dockerfile.prod', line: 2, column: 1, endLine: 2, endColumn: 5 },
  fingerprint: '2222222222222222',
};

export const imageFinding: Finding = {
  ruleId: 'IM001',
  ruleName: 'image-runs-as-root',
  aliases: ['CIS-DI-0001'],
  severity: 'warning',
  message: 'The image runs as root.',
  location: { image: 'registry.example.com/app:1.2', layer: '3', path: '/etc/passwd', field: 'Config.User' },
  fingerprint: '3333333333333333',
};

export const bareImageFinding: Finding = {
  ruleId: 'IM002',
  ruleName: 'image-no-healthcheck',
  aliases: [],
  severity: 'info',
  message: 'No HEALTHCHECK.',
  location: { image: 'app:1.2' },
  fingerprint: '4444444444444444',
};

export function makeResult(findings: Finding[], opts: { files?: string[]; errors?: RunError[] } = {}): LintResult {
  const files = opts.files ?? [...new Set(findings.flatMap((f) => ('file' in f.location ? [f.location.file] : [])))];
  const errors = opts.errors ?? [];
  return { findings, errors, files, rules: [latestTag, aptMissingYes], notices: [], summary: summarize(findings, errors, files.length), failureThreshold: 'info', noFail: false };
}

export function options(over: Partial<FormatOptions> = {}): FormatOptions {
  return { color: false, cwd: '/work/project', version: '1.2.3', sources: new Map([['Dockerfile', DOCKERFILE]]), ...over };
}
