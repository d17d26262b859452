import { main } from './main.js';
import { streamsUsed, writeFd } from './output.js';

let settled = false;

main(process.argv.slice(2), { out: (s) => writeFd(1, s), err: (s) => writeFd(2, s) }).then(
  (code) => exit(code),
  (e: unknown) => {
    writeFd(2, `shipready: internal error: ${(e as Error)?.message ?? String(e)}\n`);
    exit(2);
  },
);

/**
 * Exit as soon as the run is over: Node's own teardown of a heap this size takes a few milliseconds,
 * a noticeable part of a one-file run. Only when all output is written (pipes are asynchronous on
 * some systems); otherwise Node exits by itself once it is flushed. Output is written synchronously
 * unless a write fell back to the streams (see output.ts).
 */
function exit(code: number): void {
  settled = true;
  process.exitCode = code;
  if (!streamsUsed() || (process.stdout.writableLength === 0 && process.stderr.writableLength === 0)) process.exit(code);
}

// A run that waits on something nothing will ever settle: Node would exit 0 as if all was well.
process.once('exit', () => {
  if (settled) return;
  writeFd(2, 'shipready: internal error: the run stopped before it finished\n');
  process.exitCode = 2;
});
