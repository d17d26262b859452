import type { Dockerfile } from '../dockerfile/types.js';
import type { SourceFile } from '../source.js';

/** Where a value is written: a file (display path) and UTF-16 offsets into its text. */
export interface Origin {
  file: string;
  start: number;
  end: number;
}

export type ScalarValue = string | number | boolean | null;

interface NodeBase {
  /** The range of the node as written (for a value reached through an alias: the anchored node). */
  origin: Origin;
  /** A YAML tag such as `!reset` or `!override`, when one is written. */
  tag?: string;
  /**
   * How many places use this node: 1 when written once; more when aliases point at it. Fixes never
   * edit a node used more than once (the edit would change the other users too).
   */
  refs: number;
}

export interface CScalar extends NodeBase {
  kind: 'scalar';
  /** The value after interpolation (equal to `raw` when nothing was interpolated). */
  value: ScalarValue;
  /** The value as written, before interpolation. */
  raw: ScalarValue;
  /** YAML style: plain, single- or double-quoted, block literal or folded. */
  style: 'plain' | 'single' | 'double' | 'block';
  /** The value contains `${VAR}` / `$VAR` references (resolved or not). */
  interpolated: boolean;
  /** The value depends on a variable that is not set (and has no default): never a violation. */
  unknown: boolean;
}

export interface CEntry {
  key: string;
  keyOrigin: Origin;
  value: CNode;
  /** The entry came into this map through a `<<` merge key rather than being written in it. */
  merged?: boolean;
}

export interface CMap extends NodeBase {
  kind: 'map';
  entries: Map<string, CEntry>;
  flow: boolean;
}

export interface CSeq extends NodeBase {
  kind: 'seq';
  items: CNode[];
  flow: boolean;
}

export type CNode = CScalar | CMap | CSeq;

/** A problem found while loading: becomes a finding of `syntax-error` or `schema-invalid`. */
export interface LoadIssue {
  kind: 'syntax' | 'schema' | 'interpolation' | 'reference';
  message: string;
  origin: Origin;
}

/** One file read while loading a project (main file, override, `extends` or `include` target). */
export interface ComposeFile {
  /** Display path (relative to the working directory), used in findings. */
  path: string;
  /** Absolute path, or null for stdin. */
  abs: string | null;
  text: string;
  source: SourceFile;
  /** Why the file was read. */
  role: 'main' | 'override' | 'extends' | 'include';
  /** The file starts with a UTF-8 byte-order mark, which `text` leaves out (fixes write it back). */
  bom?: true;
}

export interface BuildInfo {
  /** Absolute build context directory, or null when it is a URL or unknown. */
  context: string | null;
  /** Absolute Dockerfile path, or null (inline, URL context, unknown). */
  dockerfile: string | null;
  /** `dockerfile_inline` text. */
  inline: string | null;
  target: string | null;
  node: CNode;
}

export interface ComposeService {
  name: string;
  /** The service's key, in the file that first defines it. */
  keyOrigin: Origin;
  /** The merged, interpolated definition. */
  node: CMap;
  /** Maps the service is written in, by file (the base definition first), for fixes. */
  written: CMap[];
  profiles: string[];
  build: BuildInfo | null;
  /** The parsed Dockerfile of `build`, when it could be read. */
  dockerfile: Dockerfile | null;
  /**
   * Only part of the service is known: it has neither `image` nor `build` (a fragment an override
   * or another file completes), or its `extends` could not be followed. Rules about a key that is
   * missing skip it: the rest of its definition is elsewhere.
   */
  partial: boolean;
}

export interface ComposeProject {
  /** The files in the order they were read. */
  files: ComposeFile[];
  /** The merged, interpolated top-level mapping (null when nothing could be loaded). */
  root: CMap | null;
  /** Each file's own top-level mapping (interpolated; before merging), in load order. */
  fileRoots: Array<{ file: string; root: CMap }>;
  services: ComposeService[];
  issues: LoadIssue[];
  /** The project directory (the first file's directory). */
  projectDir: string;
  /** Variables used for interpolation (`.env` overlaid by the environment). */
  env: ReadonlyMap<string, string>;
  /** Profiles enabled through COMPOSE_PROFILES (all services are linted regardless). */
  activeProfiles: string[];
}
