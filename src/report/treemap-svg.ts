/** The treemap of the final filesystem as inline SVG; wasted bytes hatched in red. */
import { formatBytes } from '../model/image/summary.js';
import type { ImageModel } from '../model/image/types.js';
import { esc, shorten } from './escape.js';
import { buildSizeTree } from './size-tree.js';
import { layoutTreemap, type TreemapRect } from './treemap.js';

export const TREEMAP_WIDTH = 1000;
export const TREEMAP_HEIGHT = 560;
/** Directory levels below `/` the treemap shows before folding. */
export const TREEMAP_DEPTH = 4;
/** Rectangles drawn at most, so a huge image still gives a page of reasonable size. */
export const MAX_TREEMAP_RECTS = 400;

/** Average glyph width of the 11px label font, to cut labels to their box. */
const CHAR_PX = 6.3;

const round = (n: number) => Math.round(n * 10) / 10;

/** One hue per top-level directory, spread by the golden angle; deeper levels are lighter. */
function colour(r: TreemapRect, hues: Map<string, number>): string {
  if (r.kind === 'other') return 'hsl(0,0%,80%)';
  let hue = hues.get(r.top);
  if (hue === undefined) {
    hue = Math.round((hues.size * 137.5) % 360);
    hues.set(r.top, hue);
  }
  const light = Math.min(88, 52 + r.depth * 8 + (r.kind === 'dir' ? 12 : 0));
  return `hsl(${hue},45%,${light}%)`;
}

function rectSvg(r: TreemapRect, hues: Map<string, number>): string {
  const { x, y, w, h } = { x: round(r.x), y: round(r.y), w: round(Math.max(0, r.w)), h: round(Math.max(0, r.h)) };
  const what = r.kind === 'other' ? `${r.count} smaller entries in ${r.path}` : r.kind === 'file' ? r.path : `${r.path}/ (${r.files} files)`;
  const wasted = r.wasted > 0 ? `, ${formatBytes(r.wasted)} reclaimable` : '';
  const title = `${what}: ${formatBytes(r.bytes)}${wasted}`;
  const cls = `tm tm-${r.kind}${r.wasted > 0 ? ' wasted' : ''}`;
  const attrs = `class="${cls}" data-path="${esc(r.path)}" data-size="${esc(formatBytes(r.bytes))}" data-bytes="${r.bytes}" data-wasted="${r.wasted}" data-wasted-size="${esc(formatBytes(r.wasted))}"`;
  const parts = [`<g ${attrs}><title>${esc(title)}</title>`, `<rect x="${x}" y="${y}" width="${w}" height="${h}" fill="${colour(r, hues)}"/>`];
  // Only a leaf's own waste is hatched; a frame shows it with its outline (its children carry the hatch).
  if (r.wasted > 0 && r.kind !== 'dir') parts.push(`<rect class="hatch" x="${x}" y="${y}" width="${w}" height="${h}" fill="url(#waste)"/>`);
  const name = r.kind === 'dir' || r.kind === 'folded' ? `${r.label}/` : r.label;
  const fits = Math.floor((w - 6) / CHAR_PX);
  if (fits >= 3 && h >= 13) {
    parts.push(`<text x="${round(x + 3)}" y="${round(y + 11)}">${esc(shorten(name, fits))}</text>`);
    if (h >= 27 && r.kind !== 'dir') parts.push(`<text class="size" x="${round(x + 3)}" y="${round(y + 23)}">${esc(shorten(formatBytes(r.bytes), fits))}</text>`);
  }
  parts.push('</g>');
  return parts.join('');
}

export interface TreemapSection {
  svg: string;
  rectCount: number;
  /** Regular files not drawn as their own rectangle (folded into a directory or "other"). */
  filesFolded: number;
  filesTotal: number;
}

export function renderTreemap(model: ImageModel): TreemapSection {
  const tree = buildSizeTree(model.files, model.economics.inefficientPaths, TREEMAP_DEPTH);
  const layout = layoutTreemap(tree, { width: TREEMAP_WIDTH, height: TREEMAP_HEIGHT, maxRects: MAX_TREEMAP_RECTS, minArea: 120, header: 15, pad: 2 });
  const hues = new Map<string, number>();
  const body = layout.rects.map((r) => rectSvg(r, hues)).join('\n');
  const defs =
    '<defs><pattern id="waste" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">' +
    '<rect width="3" height="6" fill="rgba(200,30,30,0.55)"/></pattern></defs>';
  const empty = layout.rects.length === 0 ? `<text x="${TREEMAP_WIDTH / 2}" y="${TREEMAP_HEIGHT / 2}" text-anchor="middle">No file content in the final filesystem</text>` : '';
  const svg =
    `<svg id="treemap-svg" class="treemap" data-info="treemap-info" viewBox="0 0 ${TREEMAP_WIDTH} ${TREEMAP_HEIGHT}" role="img" aria-label="Treemap of the final filesystem by size">` +
    `${defs}\n${body}${empty}</svg>`;
  return { svg, rectCount: layout.rects.length, filesFolded: layout.filesTotal - layout.filesShown, filesTotal: layout.filesTotal };
}
