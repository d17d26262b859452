/** `shipready image <tar|dir|->`: inspect built images without a daemon. */
import { InputError } from '../config/errors.js';
import { severityRank, type Severity } from '../finding.js';
import { inspectImages } from '../image-api.js';
import { parseBytes } from '../model/image/summary.js';
import { VERSION } from '../version.js';
import { parseArgs, UsageError, type FlagSpec } from './args.js';
import { writeProblem, writeReport } from './lint-options.js';

export const IMAGE_HELP = `Usage: shipready image <IMAGE...> [options]

IMAGE is a \`docker save\` / \`podman save\` / \`buildah push\` archive (tar, optionally gzip-compressed),
an OCI image layout directory, or "-" to read an archive from stdin (e.g. docker save app | shipready image -).
No Docker daemon or registry is used.

Options:
  -f, --format <name>               text (default), json, sarif, github, checkstyle, gitlab, junit,
                                    gnu, sonarqube, codeclimate, cyclonedx (SBOM)
  -o, --output <file>               write the report to a file instead of stdout
      --html <file>                 also write a self-contained HTML report (layer chart, treemap, findings)
      --platform <os/arch[/var]>    pick an image from a multi-platform index (default: first linux/amd64)
      --image <name|id>             the image to check in an archive of several (docker save app db)
      --verify-digests              check every layer against its digest and diff_id, as docker load does
                                    (a mismatch is an input error, exit 2); costs a SHA-256 pass
  -c, --config <file>               config file (default: .shipready.yaml upward, else .hadolint.yaml)
      --ignore <code,...>           ignore rules (code, name or Dockle id; repeatable)
      --max-wasted-bytes <size>     wasted-space fails above this many reclaimable bytes (e.g. 20MB)
      --min-efficiency <ratio>      wasted-space fails below this efficiency (0-1, e.g. 0.9)
      --max-user-wasted-percent <r> wasted-space fails when reclaimable bytes exceed this share (0-1) of your layers
      --failure-threshold <lvl>     error, warning, info, style or none (default: info)
      --no-fail                     always exit 0 when reading worked
      --color / --no-color          force colours on or off
      --debug                       print stack traces for internal errors
`;

const FLAGS: FlagSpec[] = [
  { name: 'format', short: 'f', value: true },
  { name: 'output', short: 'o', value: true },
  { name: 'html', value: true },
  { name: 'platform', value: true },
  { name: 'image', value: true },
  { name: 'verify-digests' },
  { name: 'config', short: 'c', value: true },
  { name: 'ignore', value: true, multi: true },
  { name: 'max-wasted-bytes', value: true },
  { name: 'min-efficiency', value: true },
  { name: 'max-user-wasted-percent', value: true },
  { name: 'failure-threshold', short: 't', value: true },
  { name: 'fail' },
  { name: 'color' },
  { name: 'debug' },
  { name: 'help', short: 'h' },
];

const FILE_ONLY_FORMATS = ['codacy', 'rdjson', 'rdjsonl'];

const THRESHOLDS = ['error', 'warning', 'info', 'style', 'none'];

type IO = { out: (s: string) => void; err: (s: string) => void };

export async function imageCommand(argv: string[], io: IO): Promise<number> {
  const { positionals, flags } = parseArgs(argv, FLAGS);
  if (flags.get('help')) { io.out(IMAGE_HELP); return 0; }
  if (positionals.length === 0) throw new UsageError('image needs an archive or OCI layout directory, e.g. shipready image app.tar (or - for stdin)');
  if (positionals.filter((p) => p === '-').length > 1) throw new UsageError('stdin ("-") can be read only once');
  // Like `docker load`: an archive cannot come from a terminal, and waiting for one would look like a hang.
  if (positionals.includes('-') && process.stdin.isTTY) throw new UsageError('stdin is a terminal: pipe an image archive into it, e.g. docker save app | shipready image -');
  const asked = String(flags.get('format') ?? 'text');
  const { FORMATS, FORMATS_FOR_RUNNERS, formatResult, resolveFormat } = await import('../formatters/index.js');
  // Formats whose findings must name a file in the repository have no place for image findings.
  const formats = [...FORMATS.filter((f) => !FILE_ONLY_FORMATS.includes(f)), 'cyclonedx'];
  const format = asked === 'cyclonedx' ? asked : resolveFormat(asked);
  if (!format) throw new UsageError(`unknown format "${asked}"; formats are ${formats.join(', ')}`);
  if (FILE_ONLY_FORMATS.includes(format)) throw new UsageError(`--format ${format} reports findings in files, and image findings name none; formats for images are ${formats.join(', ')}`);
  if ((format === 'cyclonedx' || flags.has('html')) && positionals.length > 1) throw new UsageError(`${format === 'cyclonedx' ? '--format cyclonedx' : '--html'} describes one image; give one IMAGE`);
  if (flags.get('output') === '' || flags.get('html') === '') throw new UsageError(`${flags.get('output') === '' ? '-o' : '--html'} needs a file name`);
  const threshold = flags.get('failure-threshold') as string | undefined;
  if (threshold !== undefined && !THRESHOLDS.includes(threshold)) throw new UsageError(`--failure-threshold must be one of ${THRESHOLDS.join(', ')}`);
  const platform = flags.get('platform') as string | undefined;
  if (platform !== undefined && !/^[a-z0-9_.-]+\/[a-z0-9_.-]+(\/[a-z0-9_.-]+)?$/i.test(platform)) throw new UsageError(`--platform must look like linux/amd64 or linux/arm/v7, not "${platform}"`);

  if (flags.get('image') === '') throw new UsageError('--image needs an image name or ID');

  const thresholds = {
    maxWastedBytes: sizeFlag(flags.get('max-wasted-bytes') as string | undefined),
    minEfficiency: ratioFlag('min-efficiency', flags.get('min-efficiency') as string | undefined),
    maxUserWastedPercent: ratioFlag('max-user-wasted-percent', flags.get('max-user-wasted-percent') as string | undefined),
  };

  const { createProgress } = await import('./progress.js');
  let bar: ReturnType<typeof createProgress> | undefined;
  let barFor = '';
  const { result, models } = await inspectImages(positionals, {
    configPath: flags.get('config') as string | undefined,
    ignore: flags.get('ignore') as string[] | undefined,
    platform,
    image: flags.get('image') as string | undefined,
    verifyDigests: flags.get('verify-digests') === true,
    thresholds,
    onProgress: (image, done, total) => {
      if (barFor !== image) {
        bar?.done();
        bar = createProgress(process.stderr, total, image);
        barFor = image;
      }
      bar!.update(done);
    },
  });
  bar?.done();

  let output = '';
  if (format === 'cyclonedx') {
    if (models.length > 1) throw new UsageError(`--format cyclonedx describes one image; got ${models.length} images`);
    const { toCycloneDx } = await import('../model/image/sbom/cyclonedx.js');
    if (models.length === 1) output = `${JSON.stringify(toCycloneDx(models[0], { version: VERSION }), null, 2)}\n`;
  } else {
    const color = flags.has('color') ? flags.get('color') === true : !process.env.NO_COLOR && (flags.get('output') ? false : !!process.stdout.isTTY);
    output = formatResult(format, result, { color, cwd: process.cwd(), version: VERSION });
  }
  const htmlFile = flags.get('html') as string | undefined;
  if (htmlFile && models.length > 0) {
    if (models.length > 1) throw new UsageError(`--html describes one image; got ${models.length} readable images`);
    const { renderHtmlReport } = await import('../report/html.js');
    save(htmlFile, renderHtmlReport(models[0], result.findings, { version: VERSION }), 'the HTML report');
  }
  const outFile = flags.get('output') as string | undefined;
  if (outFile) save(outFile, output, 'the report');
  else io.out(output);
  for (const e of result.errors) io.err(`shipready: ${e.kind === 'internal' ? 'internal error: ' : ''}${e.message}\n`);

  if (result.errors.length > 0) return 2;
  if (flags.get('fail') === false || FORMATS_FOR_RUNNERS.includes(format)) return 0;
  const t = (threshold ?? result.failureThreshold ?? 'info') as Severity | 'none';
  if (t === 'none' || result.noFail) return 0;
  return result.findings.some((f) => severityRank(f.severity) >= severityRank(t)) ? 1 : 0;
}

/** A report file written whole (as lint writes its reports); a failure is the user's input error, said in words. */
function save(file: string, text: string, what: string): void {
  try {
    writeReport(file, text);
  } catch (e) {
    throw new InputError(`cannot write ${what}: ${writeProblem(e)}`, file);
  }
}

function sizeFlag(v: string | undefined): number | undefined {
  if (v === undefined) return undefined;
  const n = parseBytes(v);
  if (n === undefined) throw new UsageError(`--max-wasted-bytes needs a size such as 20MB, 1.5GiB or 500000, not "${v}"`);
  return n;
}

function ratioFlag(name: string, v: string | undefined): number | undefined {
  if (v === undefined) return undefined;
  const pct = v.endsWith('%');
  const n = Number(pct ? v.slice(0, -1) : v);
  const r = pct ? n / 100 : n;
  if (!Number.isFinite(r) || r < 0 || r > 1) throw new UsageError(`--${name} needs a ratio between 0 and 1 (or a percentage like 10%), not "${v}"`);
  return r;
}
