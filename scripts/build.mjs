// Bundles the CLI (one CommonJS file: the fastest cold start on Node 20) and the ESM library into dist/.
import { build } from 'esbuild';
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { generate } from './gen-index.mjs';

generate();
const common = { bundle: true, platform: 'node', target: 'node20', packages: 'external', logLevel: 'warning', legalComments: 'none' };
// import() of a package becomes require(): the bin runs the bundle through vm.Script (for the code
// cache), where Node 20 has no dynamic import once code comes from the cache.
await build({ ...common, entryPoints: ['src/cli/entry.ts'], outfile: 'dist/cli.cjs', format: 'cjs', minify: true, supported: { 'dynamic-import': false } });
writeCodeCache('dist/cli.cjs');
await build({ ...common, entryPoints: ['src/index.ts'], outfile: 'dist/index.js', format: 'esm' });
if (process.argv.includes('--types')) execFileSync('npx', ['tsc', '-p', 'tsconfig.build.json'], { stdio: 'inherit' });

/**
 * Stamp the CLI bundle with a build id and write V8's code cache for it (bin/shipready.cjs loads
 * through it: compiling the bundle is most of a cold start). The cache is made by one real run,
 * a plain Dockerfile lint, so the functions that run then are cached compiled too.
 */
function writeCodeCache(bundle) {
  // esbuild leaves non-ASCII in regex literals; as \u escapes they mean the same there (and in
  // strings), and an ASCII bundle lets the bin read it as latin1, the cheapest decoding.
  let code = readFileSync(bundle, 'utf8').replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  code += `// shipready-build ${createHash('sha256').update(code).digest('hex').slice(0, 16)}\n`;
  writeFileSync(bundle, code);
  rmSync(`${bundle}.cache`, { force: true });
  const dir = mkdtempSync(join(tmpdir(), 'shipready-cache-'));
  try {
    copyFileSync('examples/api/Dockerfile', join(dir, 'Dockerfile'));
    spawnSync(process.execPath, [resolve('bin/shipready.cjs'), 'lint', 'Dockerfile', '--no-shellcheck'], { cwd: dir, stdio: 'ignore' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
