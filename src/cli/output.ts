import { fstatSync, statSync, writeSync } from 'node:fs';

/**
 * Writes to stdout/stderr with fs.writeSync instead of process.stdout/stderr: setting those streams
 * up is a noticeable part of a one-file run. When a write fails (EAGAIN on a full non-blocking
 * pipe, EPIPE, ...), that and every later write to the fd go through the stream, which queues or
 * reports as before; `streamsUsed()` then tells the exit code to wait for the flush.
 */
const viaStream = [false, false, false];

export function writeFd(fd: 1 | 2, text: string): void {
  const stream = () => (fd === 1 ? process.stdout : process.stderr);
  if (viaStream[fd]) {
    stream().write(text);
    return;
  }
  const buf = Buffer.from(text);
  let off = 0;
  try {
    while (off < buf.length) off += writeSync(fd, buf, off);
  } catch {
    viaStream[fd] = true;
    stream().write(buf.subarray(off));
  }
}

export function streamsUsed(): boolean {
  return viaStream[1] || viaStream[2];
}

/**
 * isatty(fd) without creating the stream: only a character device can be a terminal, and /dev/null
 * (stdout of most scripted runs) is not one; anything else asks node:tty.
 */
export function isTerminal(fd: 1 | 2): boolean {
  if (process.platform !== 'win32') {
    try {
      const st = fstatSync(fd);
      if (!st.isCharacterDevice()) return false;
      const devNull = statSync('/dev/null');
      if (st.rdev === devNull.rdev) return false;
    } catch {
      /* the stream decides */
    }
  }
  return (fd === 1 ? process.stdout : process.stderr).isTTY === true;
}
