/**
 * Tar decoding: ustar, GNU (long names and links, base-256 numbers, old sparse) and PAX (local and
 * global). `TarParser` is a push parser: it takes chunks of any size and hands each entry's header
 * to a visitor, copying content only for the entries the visitor asks for; everything else is
 * skipped by counting, so throughput is close to the decompressor's.
 */
import { InputError } from '../../config/errors.js';
import { headerChecksum, isZeroBlock, parseOctalField, signedHeaderChecksum } from './sniff.js';

export interface TarHeader {
  /** Name as stored (after PAX `path` / GNU long name), not normalised. */
  name: string;
  /** Typeflag character (`0`, `5`, `2`, ...; `\0` for old regular files). */
  type: string;
  /** Content bytes that follow the header in the stream. */
  size: number;
  /** Apparent size for sparse files, else equal to `size`. */
  realSize: number;
  /**
   * A GNU sparse file in PAX form (`GNU.sparse.*` records): the stored bytes are packed segments
   * (after a map, in version 1.0), not the file's content. Old GNU sparse entries have type `S`.
   */
  sparse?: boolean;
  mode: number;
  uid: number;
  gid: number;
  mtime: number;
  linkname: string;
  /** `SCHILY.xattr.*` / `LIBARCHIVE.xattr.*` values by attribute name. */
  xattrs?: Map<string, Buffer>;
  /** Offset of the header block in the tar stream. */
  offset: number;
}

/** Where error messages point: the display name of the blob being read. */
export interface TarContext {
  display: string;
  maxEntryBytes: number;
  maxMetaBytes: number;
}

const META_TYPES = new Set(['x', 'g', 'L', 'K', 'X']);
/**
 * Hardlink, symlink, char, block, directory, fifo: no data follows, whatever the size field says.
 * Go's archive/tar (Docker, containerd) reads them so; skipping a declared size would hide the
 * entries that follow from every rule while the runtime still extracts them.
 */
const HEADER_ONLY_TYPES = new Set(['1', '2', '3', '4', '5', '6']);

function fail(ctx: TarContext, offset: number, what: string): never {
  throw new InputError(`${what} (tar offset ${offset})`, ctx.display);
}

function field(b: Buffer, start: number, len: number): string {
  let end = start;
  const max = start + len;
  while (end < max && b[end] !== 0) end++;
  return b.toString('utf8', start, end);
}

/** Numeric header field: octal, or GNU base-256 when the top bit is set. */
function numeric(b: Buffer, start: number, len: number, ctx: TarContext, offset: number, name: string): number {
  if (b[start] & 0x80) {
    if (b[start] === 0xff) fail(ctx, offset, `negative ${name} in tar header`);
    let v = b[start] & 0x7f;
    for (let i = start + 1; i < start + len; i++) v = v * 256 + b[i];
    if (!Number.isSafeInteger(v)) fail(ctx, offset, `${name} too large in tar header`);
    return v;
  }
  const v = parseOctalField(b, start, len);
  if (v === undefined) fail(ctx, offset, `malformed ${name} field in tar header`);
  return v;
}

/** Decodes one header block, verifying its checksum; returns undefined for a zero block. */
export function decodeHeaderBlock(b: Buffer, off: number, streamOffset: number, ctx: TarContext): TarHeader | undefined {
  if (isZeroBlock(b, off)) return undefined;
  const stored = parseOctalField(b, off + 148, 8);
  if (stored === undefined || (stored !== headerChecksum(b, off) && stored !== signedHeaderChecksum(b, off))) {
    fail(ctx, streamOffset, 'tar header checksum mismatch: not a tar stream, or corrupt');
  }
  const type = String.fromCharCode(b[off + 156]);
  let name = field(b, off, 100);
  // POSIX ustar ("ustar\0") has a prefix field; GNU ("ustar  \0") uses that area for other things.
  if (b[off + 257] === 0x75 && b[off + 262] === 0 && b.toString('latin1', off + 257, off + 262) === 'ustar') {
    const prefix = field(b, off + 345, 155);
    if (prefix) name = `${prefix}/${name}`;
  }
  const declared = numeric(b, off + 124, 12, ctx, streamOffset, 'size');
  const size = HEADER_ONLY_TYPES.has(type) ? 0 : declared;
  if (size > ctx.maxEntryBytes) fail(ctx, streamOffset, `entry ${JSON.stringify(name)} declares an absurd size of ${size} bytes`);
  const realSize = type === 'S' ? numeric(b, off + 483, 12, ctx, streamOffset, 'sparse size') : size;
  return {
    name,
    type,
    size,
    realSize,
    mode: numeric(b, off + 100, 8, ctx, streamOffset, 'mode'),
    uid: numeric(b, off + 108, 8, ctx, streamOffset, 'uid'),
    gid: numeric(b, off + 116, 8, ctx, streamOffset, 'gid'),
    mtime: numeric(b, off + 136, 12, ctx, streamOffset, 'mtime'),
    linkname: field(b, off + 157, 100),
    offset: streamOffset,
  };
}

/** PAX records `<len> <key>=<value>\n`; values stay bytes because xattrs are binary. */
export function parsePaxRecords(data: Buffer, ctx: TarContext, offset: number): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  let i = 0;
  while (i < data.length) {
    if (data[i] === 0) break; // NUL padding after the last record
    let len = 0;
    let j = i;
    while (j < data.length && data[j] >= 0x30 && data[j] <= 0x39 && j - i < 12) len = len * 10 + (data[j++] - 0x30);
    if (j === i || data[j] !== 0x20 || len <= j - i + 1 || i + len > data.length || data[i + len - 1] !== 0x0a) {
      fail(ctx, offset, 'malformed PAX extended header');
    }
    const eq = data.indexOf(0x3d, j + 1);
    if (eq < 0 || eq >= i + len - 1) fail(ctx, offset, 'malformed PAX record (no "=")');
    out.set(data.toString('utf8', j + 1, eq), data.subarray(eq + 1, i + len - 1));
    i += len;
  }
  return out;
}

function paxNumber(v: Buffer, ctx: TarContext, offset: number, key: string): number {
  const s = v.toString('latin1');
  if (!/^-?\d+(\.\d*)?$/.test(s)) fail(ctx, offset, `malformed PAX ${key} ${JSON.stringify(s.slice(0, 40))}`);
  const n = Math.floor(Number(s));
  if (!Number.isSafeInteger(n)) fail(ctx, offset, `PAX ${key} out of range`);
  return n;
}

/**
 * Applies pending PAX / GNU records to the next real header. Shared by the layer parser and the
 * outer-archive indexers.
 */
export class EntryAssembler {
  private local?: Map<string, Buffer>;
  private global?: Map<string, Buffer>;
  private longName?: string;
  private longLink?: string;

  constructor(private readonly ctx: TarContext) {}

  static isMeta(type: string): boolean {
    return META_TYPES.has(type);
  }

  /** Records a meta entry's content for the next header. */
  absorb(h: TarHeader, data: Buffer): void {
    switch (h.type) {
      case 'x':
      case 'X': // Solaris' name for PAX local headers
        this.local = parsePaxRecords(data, this.ctx, h.offset);
        break;
      case 'g': {
        const g = parsePaxRecords(data, this.ctx, h.offset);
        this.global = new Map([...(this.global ?? []), ...g]);
        break;
      }
      case 'L':
        this.longName = cString(data);
        break;
      case 'K':
        this.longLink = cString(data);
        break;
    }
  }

  /** The header with overrides applied; pending records are consumed. */
  finish(h: TarHeader): TarHeader {
    if (this.longName !== undefined) h.name = this.longName;
    if (this.longLink !== undefined) h.linkname = this.longLink;
    this.longName = this.longLink = undefined;
    const records = this.global && this.local ? new Map([...this.global, ...this.local]) : (this.local ?? this.global);
    this.local = undefined;
    if (!records) return h;
    let apparent: number | undefined;
    for (const [key, value] of records) {
      switch (key) {
        case 'path': h.name = value.toString('utf8'); break;
        case 'linkpath': h.linkname = value.toString('utf8'); break;
        case 'size': h.size = h.realSize = paxNumber(value, this.ctx, h.offset, key); break;
        case 'uid': h.uid = paxNumber(value, this.ctx, h.offset, key); break;
        case 'gid': h.gid = paxNumber(value, this.ctx, h.offset, key); break;
        case 'mtime': h.mtime = paxNumber(value, this.ctx, h.offset, key); break;
        case 'GNU.sparse.name': h.name = value.toString('utf8'); h.sparse = true; break;
        case 'GNU.sparse.realsize':
        case 'GNU.sparse.size': apparent = paxNumber(value, this.ctx, h.offset, key); h.sparse = true; break;
        default:
          if (key.startsWith('GNU.sparse.')) h.sparse = true;
          if (key.startsWith('SCHILY.xattr.')) (h.xattrs ??= new Map()).set(key.slice(13), value);
          else if (key.startsWith('LIBARCHIVE.xattr.')) {
            // libarchive stores the name URL-encoded and the value base64-encoded.
            const name = xattrName(key.slice(17));
            if (name !== undefined) (h.xattrs ??= new Map()).set(name, Buffer.from(value.toString('latin1'), 'base64'));
          }
      }
    }
    // Whatever the records' order, a sparse file's apparent size wins over the stored `size`.
    if (apparent !== undefined) h.realSize = apparent;
    if (HEADER_ONLY_TYPES.has(h.type)) h.size = h.realSize = 0;
    if (h.size < 0 || h.realSize < 0) fail(this.ctx, h.offset, `negative size in PAX header of entry ${JSON.stringify(h.name)}`);
    if (h.size > this.ctx.maxEntryBytes) fail(this.ctx, h.offset, `entry ${JSON.stringify(h.name)} declares an absurd size of ${h.size} bytes`);
    return h;
  }
}

/**
 * A URL-encoded libarchive attribute name, or undefined when it is malformed: Docker ignores these
 * records altogether, so a bad one must not make the image unreadable.
 */
function xattrName(encoded: string): string | undefined {
  try {
    return decodeURIComponent(encoded);
  } catch {
    return undefined;
  }
}

function cString(b: Buffer): string {
  const nul = b.indexOf(0);
  return b.toString('utf8', 0, nul < 0 ? b.length : nul);
}

/** What the parser calls for each real (non-meta) entry. */
export interface TarVisitor {
  /** Return true to receive the entry's content (it must be a regular file of modest size). */
  entry(h: TarHeader): boolean;
  /** The complete content of an entry `entry` asked for. */
  content(h: TarHeader, data: Buffer): void;
}

const enum State { Header, Data, Padding, SparseExt, End }

export class TarParser {
  /** Bytes pushed so far (the uncompressed tar size at the end). */
  bytes = 0;
  entries = 0;
  private state = State.Header;
  private readonly block = Buffer.alloc(512);
  private blockFill = 0;
  private remaining = 0;
  private padding = 0;
  private current?: TarHeader;
  private sink?: Buffer;
  private sinkFill = 0;
  private isMeta = false;
  private readonly assembler: EntryAssembler;

  constructor(private readonly visitor: TarVisitor, private readonly ctx: TarContext & { maxEntries: number }) {
    this.assembler = new EntryAssembler(ctx);
  }

  push(chunk: Buffer): void {
    const n = chunk.length;
    let i = 0;
    while (i < n) {
      switch (this.state) {
        case State.Header:
        case State.SparseExt: {
          let b: Buffer;
          let off: number;
          if (this.blockFill === 0 && n - i >= 512) {
            b = chunk;
            off = i;
            i += 512;
          } else {
            const take = Math.min(512 - this.blockFill, n - i);
            chunk.copy(this.block, this.blockFill, i, i + take);
            this.blockFill += take;
            i += take;
            if (this.blockFill < 512) break;
            this.blockFill = 0;
            b = this.block;
            off = 0;
          }
          const at = this.bytes + i - 512;
          if (this.state === State.Header) this.header(b, off, at);
          else if (b[off + 504] === 0) this.startData(); // last GNU sparse extension block
          break;
        }
        case State.Data: {
          const take = Math.min(this.remaining, n - i);
          if (this.sink) {
            chunk.copy(this.sink, this.sinkFill, i, i + take);
            this.sinkFill += take;
          }
          i += take;
          this.remaining -= take;
          if (this.remaining === 0) this.finishData();
          break;
        }
        case State.Padding: {
          const take = Math.min(this.padding, n - i);
          i += take;
          this.padding -= take;
          if (this.padding === 0) this.state = State.Header;
          break;
        }
        case State.End:
          i = n; // anything after the end-of-archive blocks is ignored
          break;
      }
    }
    this.bytes += n;
  }

  /** Call at end of stream; throws when it stops inside an entry. */
  end(): void {
    if (this.state === State.End || (this.state === State.Header && this.blockFill === 0)) return;
    if (this.state === State.Padding) return; // missing final padding is harmless
    if (this.state === State.Data && this.current) {
      const what = this.isMeta ? 'extended header' : `entry ${JSON.stringify(this.current.name)}`;
      throw new InputError(`truncated tar stream in ${what}: ended at byte ${this.bytes}, expected ${this.remaining} more content bytes`, this.ctx.display);
    }
    throw new InputError(`truncated tar stream: ended at byte ${this.bytes} inside a header block`, this.ctx.display);
  }

  private header(b: Buffer, off: number, at: number): void {
    const h = decodeHeaderBlock(b, off, at, this.ctx);
    if (!h) {
      // One zero block is enough to end: some writers omit the second.
      this.state = State.End;
      return;
    }
    if (++this.entries > this.ctx.maxEntries) fail(this.ctx, at, `more than ${this.ctx.maxEntries} tar entries`);
    this.current = h;
    this.isMeta = EntryAssembler.isMeta(h.type);
    this.sink = undefined;
    if (this.isMeta) {
      if (h.size > this.ctx.maxMetaBytes) fail(this.ctx, at, `${h.type === 'L' || h.type === 'K' ? 'GNU long name' : 'PAX header'} of ${h.size} bytes is too large`);
      this.sink = Buffer.allocUnsafe(h.size);
    } else {
      this.assembler.finish(h);
      if (this.visitor.entry(h)) this.sink = Buffer.allocUnsafe(h.size);
    }
    this.sinkFill = 0;
    if (h.type === 'S' && b[off + 482] !== 0) {
      this.state = State.SparseExt; // GNU old sparse: extension blocks follow before the data
      return;
    }
    this.startData();
  }

  private startData(): void {
    const h = this.current!;
    this.remaining = h.size;
    this.padding = (512 - (h.size % 512)) % 512;
    if (this.remaining === 0) this.finishData();
    else this.state = State.Data;
  }

  private finishData(): void {
    const h = this.current!;
    if (this.sink) {
      if (this.isMeta) this.assembler.absorb(h, this.sink);
      else this.visitor.content(h, this.sink);
      this.sink = undefined;
    }
    this.state = this.padding ? State.Padding : State.Header;
  }
}
