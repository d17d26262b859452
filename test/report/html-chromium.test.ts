/**
 * Opens the HTML report in headless Chromium (Debian's `chromium`, installed by .ci/run) and checks
 * what the browser made of it: the chart, the treemap, the findings, and that the page's script ran.
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { renderHtmlReport } from '../../src/report/html.js';
import { modelFromSpec } from '../helpers/image-spec.js';
import { REPORT_FINDINGS, REPORT_SPEC } from './fixtures.js';

const CANDIDATES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'];

function findBrowser(): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    for (const name of CANDIDATES) {
      const p = join(dir, name);
      if (dir && existsSync(p)) return p;
    }
  }
  return undefined;
}

const browser = findBrowser();
if (!browser) console.warn(`html-chromium.test: none of ${CANDIDATES.join(', ')} is on PATH; the headless browser tests are skipped (apt-get install chromium)`);

const work = mkdtempSync(join(tmpdir(), 'shipready-html-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function runBrowser(args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const base = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run', `--user-data-dir=${join(work, 'profile')}`];
    execFile(browser!, [...base, ...args], { timeout: 90_000, maxBuffer: 64 * 1024 * 1024 }, (err, stdout, stderr) => {
      if (err) reject(new Error(`${browser} failed: ${err.message}\n${stderr.slice(-2000)}`));
      else resolve(stdout);
    });
  });
}

const count = (html: string, re: RegExp) => (html.match(re) ?? []).length;

describe.skipIf(!browser)('HTML report in headless Chromium', () => {
  const model = modelFromSpec(REPORT_SPEC);
  const html = renderHtmlReport(model, REPORT_FINDINGS, { version: '0.0.0-test', generatedAt: '2026-01-01T00:00:00Z' });
  const file = join(work, 'report.html');
  writeFileSync(file, html);

  it('renders the layer chart, treemap and findings, and its script runs', async () => {
    const dom = await runBrowser(['--dump-dom', pathToFileURL(file).href]);
    const body = /<body([^>]*)>/.exec(dom)?.[1] ?? '';
    // Set by the page's script as its last step: it ran, under the page's own CSP, without throwing.
    expect(body).toContain('data-rendered="true"');
    // The script counted the bars the browser built.
    expect(body).toContain(`data-bars="${model.layers.length}"`);
    expect(count(dom, /<rect class="bar bar-(?:base|user)"/g)).toBe(model.layers.length);
    expect(count(dom, /<g class="tm tm-/g)).toBeGreaterThan(5);
    expect(dom).toMatch(/<g class="tm tm-file wasted" data-path="\/lib\/libc\.so"/);
    expect(count(dom, /<tr class="finding row-/g)).toBe(REPORT_FINDINGS.length);
    expect(dom).toContain('<div class="tooltip" hidden=""></div>');
    // Hostile names stayed text: the browser built no extra script or image element from them.
    expect(count(dom, /<script/g)).toBe(1);
    expect(count(dom, /<img/g)).toBe(0);
    expect(dom).toContain('&lt;script&gt;window.__pwned=1&lt;/script&gt;.txt');
  });

  it('sorts a table when its header is clicked', async () => {
    // Drive the page with one more script, allowed by adding its hash to the page's policy.
    const driver = `
      var th = document.querySelector('#findings-table th');
      th.click(); th.click();
      var sevs = Array.prototype.map.call(document.querySelectorAll('#findings-table tbody tr'), function (r) { return r.cells[0].textContent.trim(); });
      document.body.setAttribute('data-sorted', sevs.join(','));
      document.body.setAttribute('data-aria', th.getAttribute('aria-sort'));`;
    const hash = createHash('sha256').update(driver).digest('base64');
    const driven = html.replace("script-src '", `script-src 'sha256-${hash}' '`).replace('</body>', `<script>${driver}</script>\n</body>`);
    const drivenFile = join(work, 'driven.html');
    writeFileSync(drivenFile, driven);
    const dom = await runBrowser(['--dump-dom', pathToFileURL(drivenFile).href]);
    // Server order is most severe first; two clicks give descending then ascending.
    expect(/data-sorted="([^"]*)"/.exec(dom)?.[1]).toBe('info,warning,error');
    expect(/data-aria="([^"]*)"/.exec(dom)?.[1]).toBe('ascending');
  });

  it('paints a screenshot of the page', async () => {
    const png = join(work, 'shot.png');
    await runBrowser(['--hide-scrollbars', '--window-size=1200,1600', `--screenshot=${png}`, pathToFileURL(file).href]);
    const buf = readFileSync(png);
    expect(buf.subarray(1, 4).toString('latin1')).toBe('PNG');
    // IHDR width and height are the window size.
    expect([buf.readUInt32BE(16), buf.readUInt32BE(20)]).toEqual([1200, 1600]);
    // A blank page compresses to almost nothing; this one has charts and text.
    expect(buf.length).toBeGreaterThan(30_000);
  });
});
