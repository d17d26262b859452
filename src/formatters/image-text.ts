/** The text block shown above an image's findings: layers, economics, biggest paths. */
import { formatBytes, type ImageSummary } from '../model/image/summary.js';
import type { Paint } from './text.js';
import { safe } from './text.js';

/** Commands longer than this are cut in the layer table. */
const COMMAND_WIDTH = 70;
const LIST = 5;

export function imageSummaryText(img: ImageSummary, p: Paint): string[] {
  const e = img.economics;
  const out: string[] = [];
  const tags = img.repoTags.length ? ` ${img.repoTags.join(', ')}` : '';
  out.push(p.bold(safe(`${img.name}${tags}`)) + p.dim(`  ${img.format}, ${img.platform}, ${img.layers.length} layers, ${formatBytes(e.finalBytes)}`));
  if (img.otherPlatforms.length) out.push(p.dim(`  also in this index: ${img.otherPlatforms.join(', ')} (choose with --platform)`));
  out.push(p.dim('  layer        size  compressed  created by'));
  for (const l of img.layers) {
    const cmd = shorten(cleanCommand(l.createdBy ?? ''), COMMAND_WIDTH);
    const base = l.base ? p.dim(' (base)') : '';
    out.push(`  ${String(l.index).padStart(5)}  ${formatBytes(l.size).padStart(10)}  ${formatBytes(l.compressedSize).padStart(10)}  ${safe(cmd)}${base}`);
  }
  const pct = (n: number) => `${(n * 100).toFixed(1)}%`;
  out.push(`  efficiency ${pct(e.efficiency)} (dive: ${pct(e.diveEfficiency)})  reclaimable ${formatBytes(e.reclaimableBytes)}  user wasted ${pct(e.userWastedPercent)}  base ${formatBytes(e.baseBytes)} / yours ${formatBytes(e.userBytes)}`);
  if (e.inefficientPaths.length) {
    out.push(p.dim('  reclaimable (written more than once or deleted later):'));
    for (const w of e.inefficientPaths.slice(0, LIST)) {
      const where = `written in ${w.layers.length > 1 ? 'layers' : 'layer'} ${w.layers.join(', ')}${w.removedIn !== undefined ? `, removed in ${w.removedIn}` : ''}`;
      out.push(`    ${formatBytes(w.reclaimableBytes).padStart(10)}  ${safe(w.path)}  ${p.dim(where)}`);
    }
  }
  if (e.largestDirs.length) {
    out.push(p.dim('  largest directories:'));
    for (const d of e.largestDirs.slice(0, LIST)) out.push(`    ${formatBytes(d.bytes).padStart(10)}  ${safe(d.path)}`);
  }
  return out;
}

/** `/bin/sh -c #(nop) COPY ...` -> `COPY ...`; `|2 A=1 B=2 /bin/sh -c apt-get ...` -> `RUN apt-get ...`. */
export function cleanCommand(cmd: string): string {
  let c = cmd.trim();
  const nop = /^\/bin\/sh -c #\(nop\)\s+/.exec(c);
  if (nop) return c.slice(nop[0].length).trim();
  c = c.replace(/^\|\d+(?:\s+\S+=\S*)*\s+/, '');
  if (c.startsWith('/bin/sh -c ')) return `RUN ${c.slice(11)}`;
  return c;
}

function shorten(s: string, width: number): string {
  const one = s.replace(/\s+/g, ' ');
  return one.length > width ? `${one.slice(0, width - 1)}…` : one;
}
