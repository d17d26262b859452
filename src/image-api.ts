/**
 * Library entry for built images: read each image (no daemon), stack its layers, run the image
 * rules and return a LintResult like the other commands, with each image's summary attached.
 */
import { relative, resolve, sep } from 'node:path';
import { resolveConfig, registry } from './api.js';
import { ConfigError, InputError } from './config/errors.js';
import { EffectiveConfig } from './config/resolve.js';
import type { ShipreadyConfig } from './config/types.js';
import { lintImage, type WasteThresholds } from './engine/lint-image.js';
import { summarize, type LintResult } from './engine/result.js';
import type { Finding, RunError } from './finding.js';
import { loadImage } from './model/image/load.js';
import { summarizeImage } from './model/image/summary.js';
import type { ImageModel } from './model/image/types.js';
import { allRules, imageRules } from './rules/index.js';
import type { ImageRule } from './rules/image-types.js';
import { append } from './append.js';

export type { WasteThresholds };

export interface InspectImageOptions {
  cwd?: string;
  configPath?: string;
  config?: ShipreadyConfig;
  ignore?: string[];
  /** `os/arch[/variant]` to pick from a multi-platform index (default: the first linux/amd64). */
  platform?: string;
  /** The image to check in an archive that holds several (`docker save app db`): a name, name:tag or ID prefix. */
  image?: string;
  thresholds?: WasteThresholds;
  /** Check layer blobs against their digests and diff_ids (see `ReadImageOptions.verifyDigests`). */
  verifyDigests?: boolean;
  /** Called while reading, with compressed bytes read so far and the total when known. */
  onProgress?: (image: string, done: number, total: number) => void;
}

export interface ImageInspection {
  result: LintResult;
  /** The models of the images that could be read, in input order. */
  models: ImageModel[];
}

const toPosix = (p: string) => (sep === '/' ? p : p.split(sep).join('/'));

/**
 * Inspect images given as tar files, OCI layout directories, or `-` (stdin). Unreadable images
 * become `errors` of kind `input`; configuration problems throw ConfigError.
 */
export async function inspectImages(inputs: string[], opts: InspectImageOptions = {}): Promise<ImageInspection> {
  const cwd = resolve(opts.cwd ?? process.cwd());
  const loaded = await resolveConfig(cwd, opts);
  if (opts.ignore?.length) {
    for (const k of opts.ignore) if (!registry.has(k)) throw new ConfigError(`unknown rule "${k}" in --ignore`);
    loaded.config = { ...loaded.config, ignore: [...(loaded.config.ignore ?? []), ...opts.ignore] };
  }
  const eff = new EffectiveConfig(loaded, registry);
  const findings: Finding[] = [];
  const errors: RunError[] = [];
  const files: string[] = [];
  const models: ImageModel[] = [];
  for (const input of inputs) {
    const display = displayPath(cwd, input);
    let model: ImageModel;
    try {
      model = await loadImage(input === '-' ? '-' : resolve(cwd, input), {
        platform: opts.platform,
        image: opts.image,
        display,
        verifyDigests: opts.verifyDigests,
        onProgress: opts.onProgress ? (done: number, total: number) => opts.onProgress!(display, done, total) : undefined,
      });
    } catch (e) {
      if (e instanceof InputError) {
        errors.push({ file: display, kind: 'input', message: e.oneLine });
        continue;
      }
      throw e;
    }
    model.name = display;
    models.push(model);
    files.push(model.name);
    // Command-line thresholds go on top of the config's options for the wasted-space rule.
    const r = lintImage(model, { rules: imageRules as ImageRule[], config: eff.forFile(display), settings: eff.settings, thresholds: opts.thresholds });
    append(findings, r.findings);
    append(errors, r.errors);
  }
  findings.sort(compareImageFindings);
  return {
    models,
    result: {
      findings,
      errors,
      files,
      rules: allRules,
      notices: [],
      summary: summarize(findings, errors, files.length),
      failureThreshold: eff.failureThreshold,
      noFail: eff.noFail,
      images: models.map(summarizeImage),
    },
  };
}

function compareImageFindings(a: Finding, b: Finding): number {
  const la = a.location as { image?: string; path?: string; field?: string };
  const lb = b.location as { image?: string; path?: string; field?: string };
  const cmp = (x = '', y = '') => (x < y ? -1 : x > y ? 1 : 0);
  return cmp(la.image, lb.image) || cmp(a.ruleId, b.ruleId) || cmp(la.path, lb.path) || cmp(la.field, lb.field);
}

/** Relative to the working directory when the image is below it, else as given. */
function displayPath(cwd: string, input: string): string {
  if (input === '-') return '-';
  const rel = toPosix(relative(cwd, resolve(cwd, input)));
  return rel && !rel.startsWith('..') ? rel : input;
}
