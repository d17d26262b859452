// Regenerates docs/rules/*.md, docs/rules/README.md and docs/shipready.schema.json from rule metadata.
import { mkdirSync, readdirSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { build } from 'esbuild';

const root = new URL('..', import.meta.url).pathname;
const out = join(root, 'node_modules/.cache/shipready-gen-docs.mjs');
mkdirSync(dirname(out), { recursive: true });
await build({ entryPoints: [join(root, 'scripts/docs-entry.ts')], bundle: true, platform: 'node', format: 'esm', outfile: out, packages: 'external', logLevel: 'warning' });
const { files } = await import(out);
for (const f of readdirSync(join(root, 'docs/rules'))) if (f.endsWith('.md')) unlinkSync(join(root, 'docs/rules', f));
for (const [path, content] of files()) {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), content);
}
console.log(`wrote ${files().size} files`);
