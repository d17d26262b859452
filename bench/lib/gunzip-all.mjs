// Baseline: Node's own zlib decompressing the given gzip blobs one after another, output discarded.
// Prints the total uncompressed bytes. Usage: node bench/lib/gunzip-all.mjs BLOB...
import { createReadStream } from 'node:fs';
import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip } from 'node:zlib';

let total = 0;
for (const file of process.argv.slice(2)) {
  await pipeline(createReadStream(file, { highWaterMark: 1 << 20 }), createGunzip({ chunkSize: 1 << 18 }), new Writable({ write(chunk, _enc, cb) { total += chunk.length; cb(); } }));
}
process.stdout.write(`${total}\n`);
