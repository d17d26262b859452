/**
 * `shipready image --html report.html`: one self-contained page (inline CSS, SVG and a little
 * script; nothing fetched) with the image's economics, a layer-by-layer size chart, a treemap of
 * the final filesystem with wasted bytes hatched, and the findings. Readable without JavaScript.
 */
import { createHash } from 'node:crypto';
import { severityRank, type Finding } from '../finding.js';
import { formatBytes, platformString } from '../model/image/summary.js';
import type { ImageModel } from '../model/image/types.js';
import { plural } from '../formatters/shared.js';
import { esc } from './escape.js';
import { renderLayerChart } from './layer-chart.js';
import { PAGE_CSS, PAGE_JS } from './page-assets.js';
import { renderFindingsTable, renderLargestFiles, renderWastedTable } from './tables.js';
import { renderTreemap, TREEMAP_DEPTH } from './treemap-svg.js';

export interface HtmlReportOptions {
  /** shipready's version, shown in the footer. */
  version: string;
  /** When the report was made (ISO 8601); default now. Pass one for reproducible output. */
  generatedAt?: string;
}

const sha256 = (s: string) => createHash('sha256').update(s, 'utf8').digest('base64');
const pct = (n: number) => `${(n * 100).toFixed(1)}%`;

/** Nothing may load from elsewhere; only the page's own stylesheet and script (by hash) may run. */
function contentSecurityPolicy(): string {
  return `default-src 'none'; img-src data:; style-src 'sha256-${sha256(PAGE_CSS)}'; script-src 'sha256-${sha256(PAGE_JS)}'; base-uri 'none'; form-action 'none'`;
}

function card(term: string, value: string, note = '', warn = false): string {
  return `<div class="card${warn ? ' warn' : ''}"><dt>${esc(term)}</dt><dd>${esc(value)}${note ? ` <small>${esc(note)}</small>` : ''}</dd></div>`;
}

function header(model: ImageModel): string {
  const current = platformString(model.platform);
  const others = [...new Set(model.platforms.map(platformString))].filter((p) => p !== current);
  const compressed = model.layers.reduce((a, l) => a + l.compressedSize, 0);
  const facts = [
    `format ${model.format}`,
    `platform ${current}`,
    `${plural(model.layers.length, 'layer')} (${model.baseLayerCount} from the base image)`,
    `${formatBytes(model.economics.finalBytes)} of files`,
    ...(compressed > 0 ? [`${formatBytes(compressed)} stored`] : []),
    ...(model.created ? [`created ${model.created}`] : []),
  ];
  const lines = [`<h1 id="image-name">${esc(model.name)}</h1>`, `<p class="meta">${facts.map(esc).join(' · ')}</p>`];
  if (model.repoTags.length) lines.push(`<p class="meta">tags: <code>${esc(model.repoTags.join(', '))}</code></p>`);
  if (model.configDigest) lines.push(`<p class="meta">config <code>${esc(model.configDigest)}</code></p>`);
  if (others.length) lines.push(`<p class="meta">also in this index: ${esc(others.join(', '))} (choose with --platform)</p>`);
  return `<header>${lines.join('\n')}</header>`;
}

function economics(model: ImageModel): string {
  const e = model.economics;
  const cards = [
    card('Total size (all layers)', formatBytes(e.totalBytes)),
    card('Final filesystem', formatBytes(e.finalBytes)),
    card('Base image / your layers', `${formatBytes(e.baseBytes)} / ${formatBytes(e.userBytes)}`),
    card('Efficiency (ours)', pct(e.efficiency), 'final / total bytes', e.efficiency < 0.9),
    card('Efficiency (dive)', pct(e.diveEfficiency), 'smallest copy / all copies', e.diveEfficiency < 0.9),
    card('Reclaimable', formatBytes(e.reclaimableBytes), `dive counts ${formatBytes(e.diveWastedBytes)} wasted`, e.reclaimableBytes > 0),
    card('Your layers wasted', pct(e.userWastedPercent), 'reclaimable / your bytes', e.userWastedPercent > 0.1),
  ];
  return `<section id="economics"><h2>Economics</h2><dl class="cards">${cards.join('\n')}</dl>` +
    '<p class="note">Reclaimable bytes are copies a rebuild could drop: a file written again in a later layer, or written and then removed. ' +
    'dive counts every copy of such a path as wasted; we count all but the copy kept.</p></section>';
}

function findingCounts(findings: readonly Finding[]): string {
  const counts = new Map<string, number>();
  for (const f of findings) counts.set(f.severity, (counts.get(f.severity) ?? 0) + 1);
  const order = [...counts.keys()].sort((a, b) => severityRank(b as Finding['severity']) - severityRank(a as Finding['severity']));
  return `<p class="counts">${order.map((s) => `<span><span class="sev sev-${s}">${s}</span> ${counts.get(s)}</span>`).join('')}</p>`;
}

export function renderHtmlReport(model: ImageModel, findings: Finding[], opts: HtmlReportOptions): string {
  const treemap = renderTreemap(model);
  const folded = treemap.filesFolded > 0
    ? `${treemap.rectCount} areas drawn; ${treemap.filesFolded} of ${treemap.filesTotal} files are folded into their directory (below ${TREEMAP_DEPTH} levels) or into "other" (too small to draw).`
    : `${treemap.rectCount} areas drawn; every file is shown.`;
  const generatedAt = opts.generatedAt ?? new Date().toISOString();
  const body = [
    header(model),
    economics(model),
    '<section id="layers"><h2>Layers</h2>',
    '<div class="legend"><span><span class="swatch base"></span>base image</span><span><span class="swatch user"></span>your build</span><span>bar length: bytes of file content the layer adds</span></div>',
    renderLayerChart(model),
    '</section>',
    '<section id="treemap"><h2>Where the bytes are</h2>',
    '<div class="legend"><span>area: bytes in the final filesystem, one colour per top-level directory</span><span><span class="swatch waste"></span>holds reclaimable bytes</span><span><span class="swatch other"></span>small entries together</span></div>',
    treemap.svg,
    `<p id="treemap-info" class="info" aria-live="polite"></p><p class="note">${esc(folded)}</p>`,
    '</section>',
    `<section id="wasted"><h2>Wasted bytes (${model.economics.inefficientPaths.length} paths, ${esc(formatBytes(model.economics.reclaimableBytes))} reclaimable)</h2>`,
    renderWastedTable(model),
    '</section>',
    model.economics.largestFiles.length ? `<section id="largest"><h2>Largest files</h2>${renderLargestFiles(model)}</section>` : '',
    `<section id="findings"><h2>Findings (${findings.length})</h2>`,
    findings.length ? findingCounts(findings) : '',
    renderFindingsTable(findings),
    '</section>',
    `<footer><p>Generated by shipready ${esc(opts.version)} on ${esc(generatedAt)}. Nothing in this page loads from the network.</p></footer>`,
  ];
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy()}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="referrer" content="no-referrer">',
    `<title>shipready: ${esc(model.name)}</title>`,
    `<style>${PAGE_CSS}</style>`,
    '</head>',
    '<body>',
    ...body.filter(Boolean),
    `<script>${PAGE_JS}</script>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
