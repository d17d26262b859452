import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { modelFromSpec, type ImageSpec } from '../helpers/image-spec.js';

const bytes = (n: number): string => 'x'.repeat(n);

/** The worked example of docs/image-economics.md. */
const exampleSpec: ImageSpec = {
  history: [
    { created_by: '/bin/sh -c #(nop) ADD file:rootfs.tar in / ' },
    { created_by: '/bin/sh -c #(nop)  CMD ["sh"]', empty_layer: true },
    { created_by: 'RUN /bin/sh -c apt-get install tool # buildkit' },
    { created_by: 'RUN /bin/sh -c rm /var/cache/apt/tool.deb && chmod +x /usr/bin/tool # buildkit' },
    { created_by: 'COPY . /app # buildkit' },
    { created_by: 'CMD ["node", "/app/main.js"]', empty_layer: true },
  ],
  layers: [
    { files: [{ path: '/bin/sh', content: bytes(100), mode: 0o755 }, { path: '/etc/app.conf', content: bytes(50) }] },
    { files: [{ path: '/usr/bin/tool', content: bytes(300) }, { path: '/var/cache/apt/tool.deb', content: bytes(500) }] },
    { files: [{ path: '/var/cache/apt/tool.deb', type: 'whiteout' }, { path: '/usr/bin/tool', content: bytes(300), mode: 0o755 }] },
    { files: [{ path: '/app/main.js', content: bytes(200) }, { path: '/etc/app.conf', content: bytes(60) }] },
  ],
};

/** `| name | number |` rows of the doc's metrics table. */
function documentedMetrics(): Map<string, number> {
  const doc = readFileSync(new URL('../../docs/image-economics.md', import.meta.url), 'utf8');
  const table = doc.slice(doc.indexOf('| Metric | Value |'));
  const rows = new Map<string, number>();
  for (const m of table.matchAll(/^\| (\w+) \| ([\d.]+) \|$/gm)) rows.set(m[1], Number(m[2]));
  return rows;
}

describe('the worked example of docs/image-economics.md', () => {
  const model = modelFromSpec(exampleSpec);
  const e = model.economics;

  it('gives the documented numbers', () => {
    const documented = documentedMetrics();
    expect([...documented.keys()]).toEqual([
      'totalBytes', 'finalBytes', 'baseLayerCount', 'baseBytes', 'userBytes', 'reclaimableBytes', 'diveWastedBytes', 'efficiency', 'diveEfficiency', 'userWastedPercent',
    ]);
    const actual: Record<string, number> = { ...e, baseLayerCount: model.baseLayerCount } as unknown as Record<string, number>;
    for (const [name, value] of documented) {
      expect(actual[name], name).toBeCloseTo(value, 4);
    }
  });

  it('lists the inefficient paths of the doc with their copies and reclaimable bytes', () => {
    expect(e.inefficientPaths).toEqual([
      { path: '/var/cache/apt/tool.deb', layers: [1], totalBytes: 500, reclaimableBytes: 500, removedIn: 2 },
      { path: '/usr/bin/tool', layers: [1, 2], totalBytes: 600, reclaimableBytes: 300 },
      { path: '/etc/app.conf', layers: [0, 3], totalBytes: 110, reclaimableBytes: 50 },
    ]);
  });

  it('pairs layers with their history and marks the base layer', () => {
    expect(model.layers.map((l) => [l.size, l.base, l.history?.createdBy.slice(0, 12)])).toEqual([
      [150, true, '/bin/sh -c #'],
      [800, false, 'RUN /bin/sh '],
      [300, false, 'RUN /bin/sh '],
      [260, false, 'COPY . /app '],
    ]);
  });
});
