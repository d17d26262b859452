// Bundles the CLI (chunks of CommonJS that bin/shipready.cjs loads through V8's code cache) and the
// ESM library into dist/.
import { build, transform } from 'esbuild';
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import { generate } from './gen-index.mjs';
import { DOCS_CHUNK_FILE, docsChunkCode, lazyDocsPlugin } from './lazy-docs.mjs';

generate();
const common = { bundle: true, platform: 'node', target: 'node20', packages: 'external', logLevel: 'warning', legalComments: 'none' };
await build({ ...common, entryPoints: ['src/index.ts'], outfile: 'dist/index.js', format: 'esm' });
await buildCli('dist/cli');
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
  const stripped = [];
  const { outputFiles } = await build({
    ...common, entryPoints: { entry: 'src/cli/entry.ts' }, outdir, format: 'esm', splitting: true, minify: true,
    chunkNames: '[name]-[hash]', write: false, plugins: [lazyDocsPlugin(stripped)],
  });
  // The library build's rules give the docs the CLI chunks no longer hold (see lazy-docs.mjs).
  const { allRules } = await import(`${pathToFileURL(resolve('dist/index.js')).href}?build=${Date.now()}`);
  const docsCode = docsChunkCode(allRules, stripped, isDeepStrictEqual);
  rmSync(outdir, { recursive: true, force: true });
  rmSync('dist/cli.cjs', { force: true }); // the single-file layout of earlier builds
  rmSync('dist/cli.cjs.cache', { force: true });
  mkdirSync(outdir, { recursive: true });
  for (const file of outputFiles) {
    const { code } = await transform(file.text, { format: 'cjs', platform: 'node', target: 'node20', minify: true, legalComments: 'none', supported: { 'dynamic-import': false } });
    writeFileSync(join(outdir, basename(file.path).replace(/\.js$/, '.cjs')), stamp(code));
  }
  writeFileSync(join(outdir, DOCS_CHUNK_FILE), stamp(docsCode));
  checkCliDocs(allRules);
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

/** The built CLI's rule list must carry every rule's summary as the library has it (docs are lazy there). */
function checkCliDocs(allRules) {
  const r = spawnSync(process.execPath, [resolve('bin/shipready.cjs'), 'rules', '--json'], { encoding: 'utf8', env: { ...process.env, SHIPREADY_NO_CODE_CACHE: '1' } });
  const listed = r.status === 0 ? JSON.parse(r.stdout) : [];
  const want = allRules.map((x) => [x.id, x.meta.docs.summary]).sort();
  const got = listed.map((x) => [x.id, x.summary]).sort();
  if (!isDeepStrictEqual(got, want)) throw new Error(`build: the CLI's rule docs differ from the library's (exit ${r.status}: ${r.stderr.trim().slice(0, 300)})`);
}
