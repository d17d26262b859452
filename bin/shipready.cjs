#!/usr/bin/env node
'use strict';
// Compiling the bundled CLI is most of a cold start, so it is loaded through V8's code cache:
// dist/cli.cjs.cache (written by the build, rewritten here when this Node rejects it) holds the
// compiled code. Node 22's module.enableCompileCache() does the same; Node 20 needs vm.Script.
// (The bundle has no import(): the build turns it into require(), which vm code can always use.)
const fs = require('node:fs');
const path = require('node:path');
const vm = require('node:vm');
const Module = require('node:module');

const file = path.join(__dirname, '../dist/cli.cjs');
const cacheFile = `${file}.cache`;
const BUILD_ID = /\/\/ shipready-build ([0-9a-f]{16})\n?$/;

function run() {
  if (process.env.SHIPREADY_NO_CODE_CACHE) return void require(file);
  // The build makes the bundle ASCII-only, so latin1 (the cheapest decoding) reads it right.
  const code = fs.readFileSync(file, 'latin1');
  const id = (BUILD_ID.exec(code.slice(-40)) || [])[1];
  if (!id) return void require(file);
  // Cache file: the 16-character build id, then V8's data (used only with the bundle it was made from).
  let cachedData;
  try {
    const buf = fs.readFileSync(cacheFile);
    if (buf.toString('latin1', 0, 16) === id) cachedData = buf.subarray(16);
  } catch {
    // No cache yet: compile, and write one at exit.
  }
  const script = new vm.Script(Module.wrap(code), { filename: file, cachedData });
  if (!cachedData || script.cachedDataRejected) {
    process.once('exit', () => {
      // Written aside and renamed, so a concurrent run never reads half a cache.
      const tmp = `${cacheFile}.${process.pid}.tmp`;
      try {
        fs.writeFileSync(tmp, Buffer.concat([Buffer.from(id, 'latin1'), script.createCachedData()]));
        fs.renameSync(tmp, cacheFile);
      } catch {
        try { fs.unlinkSync(tmp); } catch { /* never written */ }
        // A read-only installation just stays without a cache.
      }
    });
  }
  const mod = { exports: {}, filename: file, id: file };
  script.runInThisContext()(mod.exports, Module.createRequire(file), mod, file, path.dirname(file));
}

run();
