/**
 * Where an image's files live: an OCI layout directory, or a tar archive on disk indexed by
 * seeking from header to header (members are then streamed straight from their offsets: nothing
 * is extracted). The stdin reader builds its own store in stream.ts.
 */
import { createReadStream, promises as fsp, realpathSync, statSync } from 'node:fs';
import { join, sep } from 'node:path';
import { Readable } from 'node:stream';
import { InputError } from '../../config/errors.js';
import type { ReaderLimits } from './limits.js';
import { EntryAssembler, decodeHeaderBlock, type TarContext } from './tar.js';

/** Member name inside a container: relative, no `./`, no trailing slash, `..` clamped. */
export function normalizeMember(name: string): string {
  const parts: string[] = [];
  for (const seg of name.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') parts.pop();
    else parts.push(seg);
  }
  return parts.join('/');
}

/** What the format planner needs from any container. */
export interface BlobStore {
  /** The member's final name after archive symlinks, or undefined when it is absent. */
  resolve(name: string): string | undefined;
  /** Size of a resolved member. */
  size(resolved: string): number;
  /** Parsed JSON of a member (InputError when missing, too large or not JSON). */
  readJson(name: string, what: string): Promise<unknown>;
}

export interface SeekableStore extends BlobStore {
  kind: 'dir' | 'tar';
  /** The member's first bytes (up to 512) and a stream of all its bytes. */
  open(resolved: string): Promise<{ head: Buffer; stream: Readable }>;
  close(): Promise<void>;
}

export function parseJsonBytes(buf: Buffer, what: string, display: string): unknown {
  let text = buf.toString('utf8');
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  try {
    return JSON.parse(text);
  } catch (e) {
    const msg = (e as Error).message.split('\n')[0];
    throw new InputError(`${what} is not valid JSON (${msg.slice(0, 120)})`, display);
  }
}

export function checkJsonSize(size: number, what: string, display: string, limits: ReaderLimits): void {
  if (size > limits.maxJsonBytes) throw new InputError(`${what} is ${size} bytes, over the ${limits.maxJsonBytes}-byte limit for JSON metadata`, display);
}

interface Member {
  size: number;
  /** Offset of the content in the archive (tar only). */
  offset: number;
  /** Tar typeflag. */
  type: string;
  linkname: string;
}

/** Member names with archive symlink / hardlink resolution. */
export class MemberIndex {
  readonly members = new Map<string, Member>();

  constructor(private readonly display: string) {}

  add(rawName: string, m: Member): void {
    const name = normalizeMember(rawName);
    if (name) this.members.set(name, m); // later duplicates win, as on extraction
  }

  resolve(name: string): string | undefined {
    let n = normalizeMember(name);
    for (let hops = 0; hops < 16; hops++) {
      const m = this.members.get(n);
      if (!m) return undefined;
      if (m.type === '2') {
        const dir = n.includes('/') ? n.slice(0, n.lastIndexOf('/')) : '';
        n = normalizeMember(m.linkname.startsWith('/') ? m.linkname : `${dir}/${m.linkname}`);
      } else if (m.type === '1') {
        n = normalizeMember(m.linkname);
      } else {
        return m.type === '5' ? undefined : n;
      }
    }
    throw new InputError(`archive member ${JSON.stringify(name)} is a symlink loop`, this.display);
  }

  get(resolved: string): Member {
    return this.members.get(resolved)!;
  }
}

/** A tar archive on disk. */
export class TarFileStore implements SeekableStore {
  readonly kind = 'tar' as const;

  private constructor(private readonly path: string, private readonly fh: fsp.FileHandle, private readonly index: MemberIndex,
    private readonly display: string, private readonly limits: ReaderLimits) {}

  /** Indexes member headers by seeking: reads 512 bytes per member, plus PAX / long-name records. */
  static async open(path: string, display: string, limits: ReaderLimits): Promise<TarFileStore> {
    const fh = await fsp.open(path, 'r');
    try {
      const fileSize = (await fh.stat()).size;
      const index = new MemberIndex(display);
      const ctx: TarContext = { display, maxEntryBytes: Number.MAX_SAFE_INTEGER, maxMetaBytes: limits.maxMetaBytes };
      const assembler = new EntryAssembler(ctx);
      const block = Buffer.alloc(512);
      let pos = 0;
      let count = 0;
      while (pos < fileSize) {
        const { bytesRead } = await fh.read(block, 0, 512, pos);
        if (bytesRead < 512) throw new InputError(`truncated archive: header at offset ${pos} is cut short (file is ${fileSize} bytes)`, display);
        const h = decodeHeaderBlock(block, 0, pos, ctx);
        if (!h) break;
        const dataStart = pos + 512;
        if (++count > limits.maxEntries) throw new InputError(`more than ${limits.maxEntries} archive members`, display);
        const meta = EntryAssembler.isMeta(h.type);
        // A member's size comes from its PAX records, so they are applied before the bounds check.
        const full = meta ? h : assembler.finish(h);
        if (dataStart + full.size > fileSize) {
          throw new InputError(`truncated archive: member ${JSON.stringify(full.name)} needs ${full.size} bytes at offset ${dataStart}, file is ${fileSize} bytes`, display);
        }
        if (meta) {
          if (h.size > limits.maxMetaBytes) throw new InputError(`extended header of ${h.size} bytes at offset ${pos} is too large`, display);
          const data = Buffer.alloc(h.size);
          await fh.read(data, 0, h.size, dataStart);
          assembler.absorb(h, data);
        } else {
          index.add(full.name, { size: full.size, offset: dataStart, type: full.type, linkname: full.linkname });
        }
        pos = dataStart + Math.ceil(full.size / 512) * 512;
      }
      return new TarFileStore(path, fh, index, display, limits);
    } catch (e) {
      await fh.close();
      throw e;
    }
  }

  resolve(name: string): string | undefined {
    return this.index.resolve(name);
  }

  size(resolved: string): number {
    return this.index.get(resolved).size;
  }

  async readJson(name: string, what: string): Promise<unknown> {
    const r = this.resolve(name);
    if (r === undefined) throw new InputError(`${what} is missing from the archive`, this.display);
    const m = this.index.get(r);
    checkJsonSize(m.size, what, this.display, this.limits);
    const buf = Buffer.alloc(m.size);
    await this.fh.read(buf, 0, m.size, m.offset);
    return parseJsonBytes(buf, what, this.display);
  }

  async open(resolved: string): Promise<{ head: Buffer; stream: Readable }> {
    const m = this.index.get(resolved);
    const head = Buffer.alloc(Math.min(512, m.size));
    await this.fh.read(head, 0, head.length, m.offset);
    const stream = m.size === 0 ? Readable.from([]) : createReadStream(this.path, { start: m.offset, end: m.offset + m.size - 1, highWaterMark: 1 << 20 });
    return { head, stream };
  }

  close(): Promise<void> {
    return this.fh.close();
  }
}

/** An OCI image layout (or an unpacked `docker save`) as a directory. */
export class DirStore implements SeekableStore {
  readonly kind = 'dir' as const;
  private readonly root: string;

  constructor(dir: string, private readonly display: string, private readonly limits: ReaderLimits) {
    this.root = realpathSync(dir);
  }

  /** Absolute path of a member that exists as a regular file inside the directory. */
  resolve(name: string): string | undefined {
    const rel = normalizeMember(name);
    if (!rel) return undefined;
    let real: string;
    try {
      real = realpathSync(join(this.root, rel));
      if (!statSync(real).isFile()) return undefined;
    } catch {
      return undefined;
    }
    // A symlink inside the layout must not lead reads outside it.
    if (!real.startsWith(this.root + sep)) throw new InputError(`${rel} points outside the image directory`, this.display);
    return real;
  }

  size(resolved: string): number {
    return statSync(resolved).size;
  }

  async readJson(name: string, what: string): Promise<unknown> {
    const r = this.resolve(name);
    if (r === undefined) throw new InputError(`${what} is missing from the directory`, this.display);
    checkJsonSize(this.size(r), what, this.display, this.limits);
    return parseJsonBytes(await fsp.readFile(r), what, this.display);
  }

  async open(resolved: string): Promise<{ head: Buffer; stream: Readable }> {
    const fh = await fsp.open(resolved, 'r');
    const head = Buffer.alloc(512);
    try {
      const { bytesRead } = await fh.read(head, 0, 512, 0);
      return { head: head.subarray(0, bytesRead), stream: createReadStream(resolved, { highWaterMark: 1 << 20 }) };
    } finally {
      await fh.close();
    }
  }

  async close(): Promise<void> {}
}
