/** `shipready image app.tar --html report.html` end to end: a real archive in, the page on disk. */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { imageCommand } from '../../src/cli/image-command.js';
import { writeImage } from '../helpers/image-builder.js';
import { REPORT_SPEC } from './fixtures.js';

const work = mkdtempSync(join(tmpdir(), 'shipready-html-cli-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('shipready image --html', () => {
  it('writes the report for an archive next to the normal output', async () => {
    const archive = writeImage(REPORT_SPEC, 'docker-archive', work);
    const out = join(work, 'report.html');
    const io = { stdout: '', stderr: '' };
    const code = await imageCommand([archive, '--html', out, '--no-fail'], { out: (s) => (io.stdout += s), err: (s) => (io.stderr += s) });
    expect(io.stderr).toBe('');
    expect(code).toBe(0);
    const html = readFileSync(out, 'utf8');
    expect(html).toContain('format docker-archive');
    expect((html.match(/<rect class="bar /g) ?? []).length).toBe(REPORT_SPEC.layers.length);
    expect(html).toContain('&lt;script&gt;window.__pwned=1&lt;/script&gt;.txt');
    // Whatever the image rules found is in the page as well as on stdout.
    const rows = (html.match(/<tr class="finding /g) ?? []).length;
    expect(rows).toBeGreaterThan(0);
    expect(html).toContain(`<h2>Findings (${rows})</h2>`);
  });
});
