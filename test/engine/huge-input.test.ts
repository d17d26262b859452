import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lint } from '../../src/api.js';

// More items than V8 accepts as call arguments (about 125,000): `array.push(...items)` of them
// throws "Maximum call stack size exceeded", which a big enough Dockerfile used to trigger.
const MANY = 160_000;

function dockerfile(text: string): string {
  const d = mkdtempSync(join(tmpdir(), 'shipready-huge-'));
  writeFileSync(join(d, 'Dockerfile'), text);
  return join(d, 'Dockerfile');
}

describe('inputs with more findings or words than a call can take', () => {
  it('reports every finding of a RUN installing 160,000 unpinned packages', async () => {
    const file = dockerfile(`FROM debian:12.5\nRUN apt-get install -y --no-install-recommends ${Array.from({ length: MANY }, (_, i) => `p${i}`).join(' ')}\nUSER 1000\n`);
    const r = await lint([file], { shellcheck: false, context: false });
    expect(r.errors).toEqual([]);
    const unpinned = r.findings.filter((f) => f.ruleName === 'apt-unpinned');
    expect(unpinned.length).toBe(MANY);
    const last = unpinned.at(-1)!.location;
    expect(last).toMatchObject({ line: 2, endLine: 2 });
    expect('column' in last && `p${MANY - 1}`.length).toBe('endColumn' in last ? last.endColumn - last.column : -1);
  });

  it('reads pip arguments after "--" however many there are', async () => {
    const file = dockerfile(`FROM python:3.12-slim\nRUN pip install --no-cache-dir -- ${Array.from({ length: MANY }, (_, i) => `pkg${i}==1.0`).join(' ')} loose\nUSER 1000\n`);
    const r = await lint([file], { shellcheck: false, context: false });
    expect(r.errors).toEqual([]);
    const unpinned = r.findings.filter((f) => f.ruleName === 'pip-unpinned');
    expect(unpinned.map((f) => f.message.match(/"([^"]+)"/)?.[1])).toEqual(['loose']);
  });
});
