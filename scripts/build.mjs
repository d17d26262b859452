// Bundles the CLI and the library into dist/ (one file each: fast cold start).
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { generate } from './gen-index.mjs';

generate();
const common = { bundle: true, platform: 'node', format: 'esm', target: 'node20', packages: 'external', logLevel: 'warning', legalComments: 'none' };
await build({ ...common, entryPoints: { cli: 'src/cli/entry.ts', index: 'src/index.ts' }, outdir: 'dist', splitting: true, chunkNames: 'chunks/[name]-[hash]' });
if (process.argv.includes('--types')) execFileSync('npx', ['tsc', '-p', 'tsconfig.build.json'], { stdio: 'inherit' });
