/**
 * `shipready image` end to end: the built CLI reads generated images in every format to the same
 * report, writes json/sarif/cyclonedx/html, honours thresholds and exits 0/1/2 as documented.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImageFormat } from '../../src/model/image/types.js';
import { imageArchiveBytes, imageMembers, sampleSpec, TarWriter, writeImage } from '../helpers/image-builder.js';
import type { ImageSpec } from '../helpers/image-spec.js';

const root = resolve(import.meta.dirname, '../..');
const bin = join(root, 'bin/shipready.cjs');
const dir = mkdtempSync(join(tmpdir(), 'shipready-image-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

beforeAll(() => {
  if (!existsSync(join(root, 'dist/cli/entry.cjs'))) spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' });
});

function run(args: string[], input?: Buffer) {
  const r = spawnSync(process.execPath, [bin, ...args], { cwd: dir, input, encoding: 'buffer', env: { ...process.env, NO_COLOR: '1' }, maxBuffer: 64 * 1024 * 1024 });
  return { code: r.status, out: r.stdout.toString('utf8'), err: r.stderr.toString('utf8') };
}

/** A small image with something for several rules: root user, a cache left behind, a setuid file. */
const SPEC: ImageSpec = {
  repoTags: ['example/web:2.1'],
  config: { Entrypoint: ['/bin/server'], Env: ['PATH=/usr/bin:/bin'] },
  layers: [
    {
      createdBy: 'ADD rootfs.tar / # buildkit',
      files: [
        { path: 'etc/passwd', content: 'root:x:0:0:root:/root:/bin/sh\n' },
        { path: 'bin/server', content: Buffer.alloc(4000, 1), mode: 0o755 },
        { path: 'usr/bin/helper', content: 'ELF', mode: 0o4755 },
      ],
    },
    {
      createdBy: 'RUN apt-get update && apt-get install -y curl # buildkit',
      files: [
        { path: 'var/lib/apt/lists/deb.debian.org_Packages', content: Buffer.alloc(30_000, 2) },
        { path: 'bin/server', content: Buffer.alloc(4000, 3), mode: 0o755 },
      ],
    },
  ],
};

describe('shipready image', () => {
  const formats: ImageFormat[] = ['docker-archive', 'docker-hybrid', 'docker-containerd', 'oci-archive', 'oci-dir'];
  const paths = new Map<ImageFormat, string>();
  beforeAll(() => {
    for (const f of formats) paths.set(f, writeImage(SPEC, f, dir, { name: `web-${f}` }));
  });

  it('reads every format to the same findings and the same economics', () => {
    const reports = formats.map((f) => {
      const r = run(['image', paths.get(f)!, '-f', 'json']);
      expect(r.code, `${f}: ${r.err}`).toBe(1);
      const doc = JSON.parse(r.out);
      expect(doc.images[0].format).toBe(f);
      return {
        findings: doc.findings.map((x: { ruleId: string; path?: string; field?: string; message: string }) => [x.ruleId, x.path, x.field, x.message]),
        economics: doc.images[0].economics,
        layers: doc.images[0].layers.map((l: { size: number; createdBy: string; entries: number }) => [l.size, l.createdBy, l.entries]),
        config: doc.images[0].config,
      };
    });
    for (const r of reports.slice(1)) expect(r).toEqual(reports[0]);
    const ids = reports[0].findings.map((f: unknown[]) => f[0]);
    expect(ids).toEqual(expect.arrayContaining(['IM001', 'IM004', 'IM012']));
    expect(reports[0].economics.reclaimableBytes).toBe(4000);
    expect(reports[0].layers).toEqual([[4033, 'ADD rootfs.tar / # buildkit', 3], [34000, 'RUN apt-get update && apt-get install -y curl # buildkit', 2]]);
  });

  it('prints layers, economics and findings as text, and reads stdin', () => {
    const bytes = imageArchiveBytes(SPEC, 'oci-archive');
    const r = run(['image', '-'], bytes);
    expect(r.code).toBe(1);
    expect(r.out).toContain('example/web:2.1');
    expect(r.out).toMatch(/layer +size +compressed +created by/);
    expect(r.out).toContain('RUN apt-get update && apt-get install -y curl');
    expect(r.out).toMatch(/reclaimable 4\.0 kB/);
    expect(r.out).toMatch(/4\.0 kB {2}\/bin\/server {2}written in layers 0, 1\n/);
    expect(r.out).toMatch(/- config\.User .*IM001\/root-user \(CIS-DI-0001\)/);
    expect(r.out).toMatch(/in 1 image/);
  });

  it('sarif puts image findings in logical locations', () => {
    const r = run(['image', paths.get('oci-dir')!, '-f', 'sarif']);
    const sarif = JSON.parse(r.out);
    const res = sarif.runs[0].results.find((x: { ruleId: string }) => x.ruleId === 'IM004');
    expect(res.locations[0].logicalLocations[0].name).toBe('/usr/bin/helper');
    expect(res.locations[0].physicalLocation).toBeUndefined();
  });

  it('writes a CycloneDX SBOM and a self-contained HTML report', () => {
    const html = join(dir, 'report.html');
    const r = run(['image', paths.get('docker-archive')!, '-f', 'cyclonedx', '--html', html, '--no-fail']);
    expect(r.code, r.err).toBe(0);
    const bom = JSON.parse(r.out);
    expect(bom.bomFormat).toBe('CycloneDX');
    expect(bom.specVersion).toBe('1.5');
    const page = readFileSync(html, 'utf8');
    expect(page).toContain('<html');
    expect(page).toContain('IM001');
    expect(page).not.toMatch(/<script[^>]+src=|<link[^>]+href="http/);
  });

  it('a report it cannot write is an input error in words, not an internal error; an empty -o is a usage error', () => {
    const image = paths.get('docker-archive')!;
    const missing = join(dir, 'no-such-dir');
    expect(run(['image', image, '-f', 'json', '-o', join(missing, 'r.json')])).toEqual({ code: 2, out: '', err: `shipready: ${join(missing, 'r.json')}: cannot write the report: its directory does not exist\n` });
    expect(run(['image', image, '-o', dir]).err).toBe(`shipready: ${dir}: cannot write the report: it is a directory\n`);
    // (It was "cannot write fixed file", naming the temporary file it went through.)
    expect(run(['image', image, '--html', join(missing, 'r.html')]).err).toBe(`shipready: ${join(missing, 'r.html')}: cannot write the HTML report: its directory does not exist\n`);
    expect(run(['image', image, '-o', '']).err).toBe('shipready: -o needs a file name\n');
  });

  it('dive-style thresholds fail or pass the wasted-space rule', () => {
    const strict = run(['image', paths.get('oci-dir')!, '-f', 'json', '--max-wasted-bytes', '1kB']);
    expect(JSON.parse(strict.out).findings.map((f: { ruleId: string }) => f.ruleId)).toContain('IM025');
    const loose = run(['image', paths.get('oci-dir')!, '-f', 'json', '--max-wasted-bytes', '1MB']);
    expect(JSON.parse(loose.out).findings.map((f: { ruleId: string }) => f.ruleId)).not.toContain('IM025');
    expect(run(['image', paths.get('oci-dir')!, '--min-efficiency', '2']).err).toMatch(/--min-efficiency needs a ratio between 0 and 1/);
    expect(run(['image', paths.get('oci-dir')!, '--max-wasted-bytes', 'lots']).err).toMatch(/--max-wasted-bytes needs a size/);
  });

  it('ignores rules by Dockle id and honours the failure threshold', () => {
    const r = run(['image', paths.get('oci-dir')!, '-f', 'json', '--ignore', 'CIS-DI-0001,CIS-DI-0008']);
    const ids = JSON.parse(r.out).findings.map((f: { ruleId: string }) => f.ruleId);
    expect(ids).not.toContain('IM001');
    expect(ids).not.toContain('IM004');
    expect(run(['image', paths.get('oci-dir')!, '--failure-threshold', 'none']).code).toBe(0);
  });

  it('bad input: one line, exit 2, no stack trace', () => {
    writeFileSync(join(dir, 'junk.tar'), Buffer.from('\x00\x01binary junk'.repeat(100)));
    const junk = run(['image', 'junk.tar']);
    expect(junk.code).toBe(2);
    expect(junk.err.trim().split('\n')).toEqual(['shipready: junk.tar: is not an image archive: expected a tar (optionally gzip- or zstd-compressed) or an OCI layout directory']);
    const bytes = imageArchiveBytes(SPEC, 'docker-archive');
    writeFileSync(join(dir, 'cut.tar'), bytes.subarray(0, Math.floor(bytes.length / 2)));
    const cut = run(['image', 'cut.tar']);
    expect(cut.code).toBe(2);
    expect(cut.err).toMatch(/^shipready: cut\.tar: .*truncated/);
    expect(cut.err).not.toMatch(/\n\s+at /);
    expect(run(['image']).err).toMatch(/image needs an archive/);
    expect(run(['image', 'a.tar', 'b.tar', '--html', 'x.html']).err).toMatch(/--html describes one image/);
    expect(run(['image', paths.get('oci-dir')!, '--platform', 'linux/s390x']).err).toMatch(/platform linux\/s390x is not in this image; available: linux\/amd64/);
    // Formats whose findings must name a repository file cannot carry image findings: refused, not an empty report.
    const rd = run(['image', paths.get('oci-dir')!, '-f', 'rdjsonl']);
    expect(rd.code).toBe(2);
    expect(rd.err).toMatch(/^shipready: --format rdjsonl reports findings in files, and image findings name none; formats for images are text, json, sarif, .*cyclonedx\n$/);
  });

  it('a negative PAX size fails only its own image: one line, exit 2, the other image still reported', () => {
    const w = new TarWriter();
    for (const m of imageMembers(SPEC, 'docker-archive')) {
      if (m.name === 'manifest.json') w.raw('x', 'PaxHeaders/manifest.json', Buffer.from('11 size=-1\n'));
      if (m.dir) w.add({ name: m.name, type: '5' });
      else w.add({ name: m.name, content: m.data! });
    }
    writeFileSync(join(dir, 'negative.tar'), w.finish());
    const r = run(['image', paths.get('oci-archive')!, 'negative.tar', '-f', 'json']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^shipready: negative\.tar: negative size in PAX header of entry "manifest\.json" \(tar offset \d+\)\n$/);
    const report = JSON.parse(r.out) as { findings: Array<{ ruleId: string }> };
    expect(report.findings.map((f) => f.ruleId)).toContain('IM004');
  });

  it('the sample image: every format gives the same JSON report', () => {
    const spec = sampleSpec();
    const outs = (['docker-archive', 'docker-containerd', 'oci-archive'] as ImageFormat[]).map((f) => {
      const p = writeImage(spec, f, dir, { name: `sample-${f}` });
      const r = run(['image', p, '-f', 'json']);
      if (!r.out.startsWith('{')) throw new Error(`${f}: ${r.err}`);
      const doc = JSON.parse(r.out);
      return { findings: doc.findings.map((x: { ruleId: string; message: string; path?: string }) => `${x.ruleId} ${x.path ?? ''} ${x.message}`), files: doc.images[0].economics.finalBytes };
    });
    expect(outs[0].findings.length).toBeGreaterThan(3);
    for (const o of outs.slice(1)) expect(o).toEqual(outs[0]);
  });

  it('the bundled example image reports what examples/README.md promises', () => {
    const r = run(['image', join(root, 'examples/images/worker.tar'), '-f', 'json']);
    expect(r.code).toBe(1);
    const doc = JSON.parse(r.out);
    const names = new Set(doc.findings.map((f: { ruleName: string }) => f.ruleName));
    for (const n of ['root-user', 'toolchain-in-image', 'apt-lists-not-cleaned', 'package-cache', 'unneeded-files', 'healthcheck-binary-missing', 'secret-value', 'wasted-space']) expect(names, n).toContain(n);
    const key = doc.findings.find((f: { ruleName: string; path?: string }) => f.ruleName === 'secret-value' && f.path === '/app/.ssh/id_ed25519');
    expect(key.message).toContain('a later layer deletes or replaces the file');
  });
});

// `script` (util-linux) runs the CLI with a pseudo-terminal as stdin.
const haveScript = spawnSync('script', ['--version'], { encoding: 'utf8' }).status === 0;
if (!haveScript) console.warn('image CLI: `script` (util-linux) not found; the terminal-stdin test is skipped');

describe.skipIf(!haveScript)('shipready image - from a terminal', () => {
  it('refuses at once with a usage error instead of waiting for an archive', () => {
    const cmd = `${JSON.stringify(process.execPath)} ${JSON.stringify(bin)} image -`;
    const r = spawnSync('script', ['-qec', cmd, '/dev/null'], { cwd: dir, encoding: 'utf8', timeout: 20_000, env: { ...process.env, NO_COLOR: '1' } });
    expect(r.error).toBeUndefined();
    expect(r.status).toBe(2);
    expect(r.stdout).toContain('shipready: stdin is a terminal: pipe an image archive into it');
  });
});
