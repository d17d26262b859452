/** Layer-by-layer size chart: one horizontal bar per layer, labelled with its history command. */
import { cleanCommand } from '../formatters/image-text.js';
import { formatBytes } from '../model/image/summary.js';
import type { ImageModel } from '../model/image/types.js';
import { esc, shorten } from './escape.js';

const ROW = 24;
const LABEL_CHARS = 58;
const BAR_X = 450;
const BAR_MAX = 430;
const WIDTH = 1000;
const GAP = 18;

export function renderLayerChart(model: ImageModel): string {
  const layers = model.layers;
  const max = Math.max(1, ...layers.map((l) => l.size));
  const top = 8;
  const rows: string[] = [];
  // The base image and the user's layers are split by a gap that carries a dashed rule.
  const split = model.baseLayerCount > 0 && model.baseLayerCount < layers.length ? model.baseLayerCount : -1;
  const rowY = (i: number) => top + i * ROW + (split >= 0 && i >= split ? GAP : 0);
  layers.forEach((l, i) => {
    const y = rowY(i);
    const command = l.history ? cleanCommand(l.history.createdBy) : '';
    const label = `#${l.index} ${command || l.id}`;
    // Non-empty layers stay visible however small they are next to the biggest.
    const w = l.size > 0 ? Math.max(2, (l.size / max) * BAR_MAX) : 0;
    const kind = l.base ? 'base' : 'user';
    const title = `Layer ${l.index} (${l.base ? 'base image' : 'your build'}) ${l.id}: ${formatBytes(l.size)}, ${formatBytes(l.compressedSize)} stored (${l.compression}), ${l.entryCount} entries\n${command || '(no history entry)'}`;
    rows.push(
      `<g class="layer layer-${kind}" data-layer="${l.index}" data-size="${esc(formatBytes(l.size))}" data-path="${esc(label)}"><title>${esc(title)}</title>` +
        `<text class="cmd" x="0" y="${y + 15}">${esc(shorten(label, LABEL_CHARS))}</text>` +
        `<rect class="bar bar-${kind}" x="${BAR_X}" y="${y + 3}" width="${Math.round(w * 10) / 10}" height="${ROW - 6}" rx="2"/>` +
        `<text class="size" x="${Math.round((BAR_X + w + 6) * 10) / 10}" y="${y + 15}">${esc(formatBytes(l.size))}</text></g>`,
    );
  });
  if (split >= 0) {
    const y = top + split * ROW + GAP / 2;
    rows.push(`<text class="boundary-label" x="0" y="${y + 4}">▲ base image · your layers ▼</text><line class="boundary" x1="190" x2="${WIDTH}" y1="${y}" y2="${y}"/>`);
  }
  const height = top * 2 + Math.max(1, layers.length) * ROW + (split >= 0 ? GAP : 0);
  const empty = layers.length === 0 ? `<text x="0" y="${top + 15}">No layers</text>` : '';
  return `<svg id="layer-chart" class="layer-chart" viewBox="0 0 ${WIDTH} ${height}" role="img" aria-label="Size of each layer">${rows.join('\n')}${empty}</svg>`;
}
