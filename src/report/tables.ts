/** The report's tables: findings, reclaimable paths, largest files. Rows are capped; the rest is counted. */
import { isTextLocation, severityRank, type Finding } from '../finding.js';
import { ruleDocsUrl } from '../formatters/shared.js';
import { formatBytes } from '../model/image/summary.js';
import type { ImageModel } from '../model/image/types.js';
import { esc } from './escape.js';

export const MAX_FINDING_ROWS = 500;
export const MAX_WASTED_ROWS = 200;

/** Said under a capped table. */
function omitted(n: number, what: string): string {
  return n > 0 ? `<p class="omitted">${n} more ${what} not shown.</p>` : '';
}

/** Layer, path and field of a finding's location (file:line:column for a text location). */
function where(f: Finding): string {
  const loc = f.location;
  if (isTextLocation(loc)) return `<span class="path">${esc(`${loc.file}:${loc.line}:${loc.column}`)}</span>`;
  const parts: string[] = [];
  if (loc.layer) parts.push(`<span class="layer-ref">layer ${esc(loc.layer)}</span>`);
  if (loc.path) parts.push(`<span class="path">${esc(loc.path)}</span>`);
  if (loc.field) parts.push(`<span class="field">${esc(loc.field)}</span>`);
  return parts.join(' ') || '<span class="muted">image</span>';
}

export function renderFindingsTable(findings: readonly Finding[]): string {
  if (findings.length === 0) return '<p class="none">No findings.</p>';
  const sorted = findings
    .map((f, i) => ({ f, i }))
    .sort((a, b) => severityRank(b.f.severity) - severityRank(a.f.severity) || a.f.ruleId.localeCompare(b.f.ruleId) || a.i - b.i)
    .map((x) => x.f);
  const rows = sorted.slice(0, MAX_FINDING_ROWS).map((f) => {
    const aliases = f.aliases.length ? ` <span class="aliases">(${esc(f.aliases.join(', '))})</span>` : '';
    return (
      `<tr class="finding row-${f.severity}">` +
      `<td data-sort="${severityRank(f.severity)}"><span class="sev sev-${f.severity}">${f.severity}</span></td>` +
      `<td data-sort="${esc(f.ruleId)}"><a href="${esc(ruleDocsUrl(f.ruleId, f.ruleName))}" rel="noreferrer">${esc(f.ruleId)}</a> ${esc(f.ruleName)}${aliases}</td>` +
      `<td class="msg">${esc(f.message)}</td>` +
      `<td>${where(f)}</td></tr>`
    );
  });
  return (
    '<table id="findings-table" class="sortable"><thead><tr>' +
    '<th data-type="number">Severity</th><th>Rule</th><th>Message</th><th>Where</th>' +
    `</tr></thead><tbody>\n${rows.join('\n')}\n</tbody></table>` +
    omitted(sorted.length - rows.length, 'findings (the lowest severities)')
  );
}

export function renderWastedTable(model: ImageModel): string {
  const paths = [...model.economics.inefficientPaths].sort((a, b) => b.reclaimableBytes - a.reclaimableBytes || (a.path < b.path ? -1 : 1));
  if (paths.length === 0) return '<p class="none">No path is written twice or removed later: nothing to reclaim.</p>';
  const rows = paths.slice(0, MAX_WASTED_ROWS).map((p) => {
    const kept = model.files.has(p.path);
    const fate = kept ? 'overwritten' : 'removed later';
    return (
      `<tr class="wasted-row"><td class="path">${esc(p.path)}</td>` +
      `<td class="num" data-sort="${p.reclaimableBytes}">${formatBytes(p.reclaimableBytes)}</td>` +
      `<td class="num" data-sort="${p.totalBytes}">${formatBytes(p.totalBytes)}</td>` +
      `<td>${p.layers.map((l) => `#${l}`).join(', ')}</td><td>${fate}</td></tr>`
    );
  });
  return (
    '<table id="wasted-table" class="sortable"><thead><tr>' +
    '<th>Path</th><th data-type="number">Reclaimable</th><th data-type="number">All copies</th><th>Written in layers</th><th>Final state</th>' +
    `</tr></thead><tbody>\n${rows.join('\n')}\n</tbody></table>` +
    omitted(paths.length - rows.length, 'paths')
  );
}

export function renderLargestFiles(model: ImageModel): string {
  const files = model.economics.largestFiles;
  if (files.length === 0) return '';
  const rows = files.map((f) => `<tr><td class="path">${esc(f.path)}</td><td class="num" data-sort="${f.bytes}">${formatBytes(f.bytes)}</td><td>${f.layer === undefined ? '' : `#${f.layer}`}</td></tr>`);
  return `<table id="largest-table" class="sortable"><thead><tr><th>Path</th><th data-type="number">Size</th><th>Layer</th></tr></thead><tbody>\n${rows.join('\n')}\n</tbody></table>`;
}
