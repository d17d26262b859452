#!/usr/bin/env node
'use strict';
// Compiling the CLI is most of a cold start, so its chunks (dist/cli/*.cjs, see scripts/build.mjs)
// are loaded through V8's code cache: each chunk's .cache file (written by the build, rewritten here
// when this Node rejects it) holds its compiled code. Node 22's module.enableCompileCache() does the
// same; Node 20 needs vm.Script. On a cold start every fresh page of memory is a cost, so all files
// are read into one reused buffer.
const fs = require('node:fs');
const path = require('node:path');
const vm = require('node:vm');
const Module = require('node:module');

const dir = path.join(__dirname, '../dist/cli');
const BUILD_ID = /\/\/ shipready-build ([0-9a-f]{16})\n$/;
const useCache = !process.env.SHIPREADY_NO_CODE_CACHE;
const nodeRequire = Module.createRequire(path.join(dir, 'entry.cjs'));
const chunks = new Map();
const uncached = [];
let buf = Buffer.allocUnsafeSlow(1 << 20);

/** Reads a whole file into `buf` (grown if needed) and returns its length. */
function readIntoBuffer(file) {
  const fd = fs.openSync(file, 'r');
  try {
    const size = fs.fstatSync(fd).size;
    if (size > buf.length) buf = Buffer.allocUnsafeSlow(size);
    let n = 0;
    for (let r; n < size && (r = fs.readSync(fd, buf, n, size - n, n)) > 0; ) n += r;
    return n;
  } finally {
    fs.closeSync(fd);
  }
}

/** `require` inside chunks: sibling chunks ("./x.js") through the cache, anything else from Node. */
function load(id) {
  if (!id.startsWith('./')) return nodeRequire(id);
  const name = id.slice(2).replace(/\.js$/, '.cjs');
  let mod = chunks.get(name);
  if (mod) return mod.exports;
  mod = { exports: {} };
  chunks.set(name, mod);
  const file = path.join(dir, name);
  let code;
  try {
    code = buf.latin1Slice(0, readIntoBuffer(file));
  } catch (e) {
    process.stderr.write(`shipready: cannot read ${file} (${e.code ?? e.message}); reinstall shipready or run \`npm run build\`\n`);
    process.exit(2);
  }
  const id16 = (BUILD_ID.exec(code.slice(-40)) || [])[1];
  // Cache file: the chunk's 16-character build id, then V8's data (valid only for that chunk's code).
  let cachedData;
  if (useCache && id16) {
    try {
      const n = readIntoBuffer(`${file}.cache`);
      if (n > 16 && buf.latin1Slice(0, 16) === id16) cachedData = buf.subarray(16, n);
    } catch {
      // No cache yet: compile, and write one at exit.
    }
  }
  const script = new vm.Script(code, { filename: file, cachedData });
  if (useCache && id16 && (!cachedData || script.cachedDataRejected)) uncached.push({ file: `${file}.cache`, id16, script });
  script.runInThisContext()(mod.exports, load, mod, file, dir);
  return mod.exports;
}

process.once('exit', () => {
  for (const { file, id16, script } of uncached) {
    // Written aside and renamed, so a concurrent run never reads half a cache.
    const tmp = `${file}.${process.pid}.tmp`;
    try {
      fs.writeFileSync(tmp, Buffer.concat([Buffer.from(id16, 'latin1'), script.createCachedData()]));
      fs.renameSync(tmp, file);
    } catch {
      try { fs.unlinkSync(tmp); } catch { /* never written */ }
      // A read-only installation just stays without a cache.
    }
  }
});

load('./entry.js');
