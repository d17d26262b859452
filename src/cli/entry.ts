import { main } from './main.js';

main(process.argv.slice(2)).then(
  (code) => exit(code),
  (e: unknown) => {
    process.stderr.write(`shipready: internal error: ${(e as Error)?.message ?? String(e)}\n`);
    exit(2);
  },
);

/**
 * Exit as soon as the run is over: Node's own teardown of a heap this size takes a few milliseconds,
 * a noticeable part of a one-file run. Only when all output is written (pipes are asynchronous on
 * some systems); otherwise Node exits by itself once it is flushed.
 */
function exit(code: number): void {
  process.exitCode = code;
  if (process.stdout.writableLength === 0 && process.stderr.writableLength === 0) process.exit(code);
}
