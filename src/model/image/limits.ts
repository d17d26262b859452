/**
 * Hard limits that keep a hostile or broken image from exhausting memory or time. Each can be
 * lowered (tests) or raised through `ReadImageOptions.limits`. Breaking one is an `InputError`.
 */
export interface ReaderLimits {
  /** Largest JSON blob (index, manifest, config) read into memory. */
  maxJsonBytes: number;
  /** Most JSON the one-pass reader keeps, all members together: it cannot seek back to a config. */
  maxJsonTotalBytes: number;
  /** Largest uncompressed tar stream of one layer. */
  maxLayerBytes: number;
  /** Past `ratioFloorBytes` of output, a layer (or a whole compressed archive) may not expand more than this many times its compressed size. */
  maxRatio: number;
  ratioFloorBytes: number;
  /** Largest size a tar header may declare for one entry. */
  maxEntryBytes: number;
  /** Largest PAX extended header or GNU long name/link record. */
  maxMetaBytes: number;
  /** Largest zstd window accepted (zstd's own default limit is 2^27). */
  maxZstdWindow: number;
  /** Most entries in one layer, and most members in the outer archive. */
  maxEntries: number;
}

export const DEFAULT_LIMITS: ReaderLimits = {
  maxJsonBytes: 16 * 1024 * 1024,
  maxJsonTotalBytes: 64 * 1024 * 1024,
  maxLayerBytes: 64 * 1024 * 1024 * 1024,
  maxRatio: 1000,
  ratioFloorBytes: 1024 * 1024 * 1024,
  maxEntryBytes: 64 * 1024 * 1024 * 1024,
  maxMetaBytes: 1024 * 1024,
  maxZstdWindow: 2 ** 27,
  maxEntries: 5_000_000,
};

export function resolveLimits(partial?: Partial<ReaderLimits>): ReaderLimits {
  return { ...DEFAULT_LIMITS, ...(partial ?? {}) };
}
