// Bundles the CLI (one CommonJS file: the fastest cold start on Node 20) and the ESM library into dist/.
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { generate } from './gen-index.mjs';

generate();
const common = { bundle: true, platform: 'node', target: 'node20', packages: 'external', logLevel: 'warning', legalComments: 'none' };
await build({ ...common, entryPoints: ['src/cli/entry.ts'], outfile: 'dist/cli.cjs', format: 'cjs', minify: true });
await build({ ...common, entryPoints: ['src/index.ts'], outfile: 'dist/index.js', format: 'esm' });
if (process.argv.includes('--types')) execFileSync('npx', ['tsc', '-p', 'tsconfig.build.json'], { stdio: 'inherit' });
