/**
 * A short mutation-fuzzing round with a fixed seed (scripts/fuzz.mjs; `npm run fuzz` runs longer
 * ones with any seed): mutated Dockerfiles and Compose files must give findings with valid ranges,
 * never an internal error or a throw; mutated .dockerignore files lint; mutated configs lint or
 * give a one-line ConfigError. Image archives: test/image/fuzz.test.ts.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs script without types
import { fuzzCompose, fuzzConfig, fuzzDockerfiles, fuzzDockerignore } from '../scripts/fuzz.mjs';
import { lint, lintText } from '../src/api.js';

const root = resolve(import.meta.dirname, '..');
const corpus = resolve(root, '../shared/corpus');
const haveCorpus = existsSync(join(corpus, 'dockerfiles'));
if (!haveCorpus) console.warn(`NOTICE: ${corpus} is absent: the fuzz round uses the repository's own Dockerfiles and Compose files only`);
const dir = mkdtempSync(join(tmpdir(), 'shipready-fuzz-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

type Problem = { target: string; name: string; problem: string };
const show = (found: Problem[]) => found.map((f) => `${f.target} ${f.name}: ${f.problem}`);
const texts = (paths: string[]) => paths.map((p) => ({ name: p.split('/').pop()!, text: readFileSync(p, 'utf8') }));
const corpusFiles = (sub: string, every: number, filter: (f: string) => boolean) =>
  readdirSync(join(corpus, sub)).filter(filter).sort().filter((_, i) => i % every === 0).map((f) => join(corpus, sub, f));

describe('fuzzing (fixed seed)', () => {
  it('mutated Dockerfiles', async () => {
    const own = [join(root, 'examples/api/Dockerfile'), join(root, 'examples/api/Dockerfile.production'), join(root, 'examples/worker/Dockerfile'), ...readdirSync(join(root, 'test/fixtures/dockerfiles')).map((f) => join(root, 'test/fixtures/dockerfiles', f))];
    const inputs = texts(haveCorpus ? [...own, ...corpusFiles('dockerfiles', 4, (f) => !f.startsWith('.'))] : own);
    const found = (await fuzzDockerfiles({ lintText, inputs, seed: 1, rounds: haveCorpus ? 1 : 60, slowMs: Infinity })) as Problem[];
    expect(show(found)).toEqual([]);
  });

  it('mutated Compose files', async () => {
    const own = [join(root, 'examples/compose.yaml')].filter(existsSync);
    const inputs = texts(haveCorpus ? [...own, ...corpusFiles('compose', 6, (f) => /\.ya?ml$/.test(f))] : own);
    expect(inputs.length).toBeGreaterThan(0);
    const found = (await fuzzCompose({ lint, inputs, seed: 2, rounds: haveCorpus ? 1 : 60, slowMs: Infinity, cwd: dir })) as Problem[];
    expect(show(found)).toEqual([]);
  });

  it('mutated .dockerignore files next to a Dockerfile', async () => {
    const own = [{ name: 'own', text: 'node_modules\n.git\n**/*.md\n!README.md\nsrc/**/.env\n/id_rsa\n[a-z]*.log\n' }];
    const inputs = haveCorpus ? [...own, ...texts(corpusFiles('dockerignore', 3, (f) => !f.endsWith('.tsv')))] : own;
    const dockerfile = readFileSync(join(root, 'examples/api/Dockerfile'), 'utf8');
    const found = (await fuzzDockerignore({ lint, inputs, dockerfile, seed: 4, rounds: haveCorpus ? 1 : 30, slowMs: Infinity, dir })) as Problem[];
    expect(show(found)).toEqual([]);
  });

  it('mutated .shipready.yaml and .hadolint.yaml', async () => {
    const found = (await fuzzConfig({ lint, seed: 4, rounds: 250, dir })) as Problem[];
    expect(show(found)).toEqual([]);
  });
});
