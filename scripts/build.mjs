// Bundles the CLI (chunks of CommonJS that bin/shipready.cjs loads through V8's code cache) and the
// ESM library into dist/.
import { build, transform } from 'esbuild';
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { generate } from './gen-index.mjs';

generate();
const common = { bundle: true, platform: 'node', target: 'node20', packages: 'external', logLevel: 'warning', legalComments: 'none' };
await buildCli('dist/cli');
await build({ ...common, entryPoints: ['src/index.ts'], outfile: 'dist/index.js', format: 'esm' });
if (process.argv.includes('--types')) execFileSync('npx', ['tsc', '-p', 'tsconfig.build.json'], { stdio: 'inherit' });

/**
 * The CLI is split where the source imports lazily (Compose, images, reports, ShellCheck...), so a
 * Dockerfile lint reads and deserialises about half the code. On a cold start every fresh page of
 * memory costs, and source text is paid for twice (the file and V8's string). esbuild splits only
 * ESM; each chunk is then turned into CommonJS and wrapped as a function expression, which the bin
 * compiles with vm.Script against the chunk's code cache and calls with its own `require` that loads
 * sibling chunks the same way. (No dynamic import(): vm code from a cache cannot use it on Node 20.)
 */
async function buildCli(outdir) {
  const { outputFiles } = await build({
    ...common, entryPoints: { entry: 'src/cli/entry.ts' }, outdir, format: 'esm', splitting: true, minify: true,
    chunkNames: '[name]-[hash]', write: false,
  });
  rmSync(outdir, { recursive: true, force: true });
  rmSync('dist/cli.cjs', { force: true }); // the single-file layout of earlier builds
  rmSync('dist/cli.cjs.cache', { force: true });
  mkdirSync(outdir, { recursive: true });
  for (const file of outputFiles) {
    const { code } = await transform(file.text, { format: 'cjs', platform: 'node', target: 'node20', minify: true, legalComments: 'none', supported: { 'dynamic-import': false } });
    writeFileSync(join(outdir, basename(file.path).replace(/\.js$/, '.cjs')), stamp(code));
  }
  warmCodeCache();
}

/**
 * A chunk as the bin loads it: ASCII only (esbuild leaves non-ASCII in regex literals; as \u escapes
 * they mean the same there and in strings, and ASCII lets the bin decode it as latin1, the cheapest),
 * wrapped as a CommonJS function, and ending in a build id that its code cache must carry.
 */
function stamp(code) {
  const ascii = code.replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  const wrapped = `(function (exports, require, module, __filename, __dirname) {${ascii}\n});`;
  return `${wrapped}\n// shipready-build ${createHash('sha256').update(wrapped).digest('hex').slice(0, 16)}\n`;
}

/**
 * Write the chunks' code caches by real runs, so the functions that run are cached compiled too.
 * The first run that loads a chunk writes its cache, so the plain one-Dockerfile lint comes first;
 * a Compose lint then caches the Compose chunks.
 */
function warmCodeCache() {
  const dir = mkdtempSync(join(tmpdir(), 'shipready-cache-'));
  const run = (...args) => spawnSync(process.execPath, [resolve('bin/shipready.cjs'), ...args], { cwd: dir, stdio: 'ignore' });
  try {
    copyFileSync('examples/api/Dockerfile', join(dir, 'Dockerfile'));
    run('lint', 'Dockerfile', '--no-shellcheck');
    writeFileSync(join(dir, 'compose.yaml'), 'services:\n  api:\n    build: .\n    ports: ["3000:3000"]\n');
    run('lint', '.', '--no-shellcheck');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
