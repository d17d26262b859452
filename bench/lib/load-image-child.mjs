// Fallback when the CLI has no `image` command yet: read one image through the library in dist/
// and print a small JSON summary. Usage: node bench/lib/load-image-child.mjs IMAGE
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const root = new URL('../..', import.meta.url).pathname;
const lib = await import(pathToFileURL(join(root, 'dist/index.js')).href);
const input = process.argv[2];
if (typeof lib.inspectImages === 'function') {
  const { models } = await lib.inspectImages([input]);
  process.stdout.write(JSON.stringify({ layers: models[0]?.layers.length ?? 0 }));
} else if (typeof lib.loadImage === 'function') {
  const model = await lib.loadImage(input);
  process.stdout.write(JSON.stringify({ layers: model.layers.length }));
} else {
  console.error('dist/index.js exports neither inspectImages nor loadImage');
  process.exit(3);
}
