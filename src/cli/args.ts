/** A small, strict argv parser: unknown flags are usage errors with a hint. */
import { didYouMean } from '../engine/messages.js';
import { append } from '../append.js';

export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

export interface FlagSpec {
  /** Long name without dashes. */
  name: string;
  short?: string;
  /** Takes a value. `multi` collects repeated values. */
  value?: boolean;
  multi?: boolean;
}

export interface ParsedArgs {
  positionals: string[];
  flags: Map<string, string | boolean | string[]>;
  /** Every flag as given, in command-line order (for flags whose order matters, like -f and -o). */
  order: Array<{ name: string; value: string | boolean }>;
}

export function parseArgs(argv: string[], specs: FlagSpec[]): ParsedArgs {
  const byLong = new Map(specs.map((s) => [s.name, s]));
  const byShort = new Map(specs.filter((s) => s.short).map((s) => [s.short!, s]));
  const flags = new Map<string, string | boolean | string[]>();
  const positionals: string[] = [];
  const order: ParsedArgs['order'] = [];
  const set = (spec: FlagSpec, v: string | boolean): void => {
    order.push({ name: spec.name, value: v });
    if (spec.multi) {
      const list = (flags.get(spec.name) as string[] | undefined) ?? [];
      append(list, String(v).split(',').filter(Boolean));
      flags.set(spec.name, list);
    } else flags.set(spec.name, v);
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') {
      append(positionals, argv.slice(i + 1));
      break;
    }
    if (a.startsWith('--')) {
      const eq = a.indexOf('=');
      const name = eq < 0 ? a.slice(2) : a.slice(2, eq);
      let spec = byLong.get(name);
      let negated = false;
      if (!spec && name.startsWith('no-') && byLong.get(name.slice(3)) && !byLong.get(name.slice(3))!.value) {
        spec = byLong.get(name.slice(3));
        negated = true;
      }
      if (!spec) {
        const hint = didYouMean(name, specs.map((s) => s.name));
        throw new UsageError(`unknown option --${name}${hint ? ` (did you mean --${hint}?)` : ''}`);
      }
      if (spec.value) {
        const v = eq >= 0 ? a.slice(eq + 1) : argv[++i];
        if (v === undefined) throw new UsageError(`option --${name} needs a value`);
        set(spec, v);
      } else {
        if (eq >= 0) throw new UsageError(`option --${name} does not take a value`);
        set(spec, !negated);
      }
      continue;
    }
    if (a.startsWith('-') && a.length > 1) {
      const spec = byShort.get(a[1]);
      if (!spec) throw new UsageError(`unknown option ${a}`);
      if (spec.value) {
        const v = a.length > 2 ? a.slice(2) : argv[++i];
        if (v === undefined) throw new UsageError(`option -${a[1]} needs a value`);
        set(spec, v);
      } else {
        if (a.length > 2) throw new UsageError(`unknown option ${a}`);
        set(spec, true);
      }
      continue;
    }
    positionals.push(a);
  }
  return { positionals, flags, order };
}
