import { describe, expect, it } from 'vitest';
import { formatResult } from '../../src/formatters/index.js';
import { aptYes, bareImageFinding, imageFinding, latest, makeResult, multiLine, options, otherFile } from './fixtures.js';

const gitlab = (...args: Parameters<typeof makeResult>) => {
  const out = formatResult('gitlab', makeResult(...args), options());
  expect(out.endsWith(']\n')).toBe(true);
  return JSON.parse(out) as Array<Record<string, any>>;
};

describe('gitlab formatter', () => {
  it('writes a Code Quality issue array with the required fields', () => {
    const issues = gitlab([latest, aptYes, multiLine, otherFile]);
    expect(issues[0]).toEqual({
      type: 'issue',
      description: latest.message,
      check_name: 'DF007/latest-tag',
      fingerprint: '0123456789abcdef',
      severity: 'major',
      categories: ['Bug Risk'],
      location: { path: 'Dockerfile', lines: { begin: 1, end: 1 } },
    });
    expect(issues.map((i) => i.severity)).toEqual(['major', 'critical', 'minor', 'info']);
    expect(issues[2].location).toEqual({ path: 'Dockerfile', lines: { begin: 4, end: 5 } });
    // No category for a rule the run did not list.
    expect(issues[2]).not.toHaveProperty('categories');
    expect(issues[3].description).toBe('Styled <note> & "quotes", commas: colons%\nsecond line');
    expect(issues[3].location.path).toBe('sub dir/Dockerfile.prod');
    for (const i of issues) {
      expect(typeof i.description).toBe('string');
      expect(typeof i.check_name).toBe('string');
      expect(i.fingerprint).toMatch(/^[0-9a-f]{16}$/);
      expect(['info', 'minor', 'major', 'critical', 'blocker']).toContain(i.severity);
    }
    expect(new Set(issues.map((i) => i.fingerprint)).size).toBe(issues.length);
  });

  it('image findings point at the image', () => {
    const [a, b] = gitlab([imageFinding, bareImageFinding]);
    expect(a.location).toEqual({ path: 'registry.example.com/app:1.2', lines: { begin: 1, end: 1 } });
    expect(a.description).toBe('registry.example.com/app:1.2:3 /etc/passwd Config.User: The image runs as root.');
    expect(b.description).toBe('app:1.2: No HEALTHCHECK.');
    expect(b.severity).toBe('minor');
  });

  it('a clean run is an empty array', () => {
    expect(formatResult('gitlab', makeResult([], { files: ['Dockerfile'] }), options())).toBe('[]\n');
  });
});

describe('codeclimate formatter', () => {
  it('writes each issue as one JSON object followed by a NUL, with categories always present', () => {
    const out = formatResult('codeclimate', makeResult([latest, multiLine]), options());
    const parts = out.split('\0');
    expect(parts.pop()).toBe('');
    const issues = parts.map((p) => JSON.parse(p));
    expect(issues).toHaveLength(2);
    // The same issues as the GitLab report.
    expect(issues[0]).toEqual(JSON.parse(formatResult('gitlab', makeResult([latest]), options()))[0]);
    // A rule the run did not list still has a category (the spec requires one).
    expect(issues[1].categories).toEqual(['Bug Risk']);
    expect(out).not.toContain('\n');
  });
});
