// Preloaded into benchmarked processes: prints the peak resident set size (KB) to stderr at exit.
process.on('exit', () => {
  try {
    require('node:fs').writeSync(2, `\n@@MAXRSS ${process.resourceUsage().maxRSS}\n`);
  } catch {
    /* stderr closed */
  }
});
