import type { ImageRuleContext } from '../image-types.js';
import { baseName, stringList } from '../helpers/image.js';
import { defineRule } from '../types.js';

interface Toolchain {
  what: string;
  /** Matches a program's base name in a `bin` directory. */
  program?: RegExp;
  /** Matches a full path (headers, toolchain trees). */
  path?: RegExp;
}

const CROSS = '(?:[a-z0-9_]+-(?:linux|pc|unknown|w64)-[a-z0-9_-]+-)?';
const VERSION = '(?:-\\d+(?:\\.\\d+)*)?';
const TOOLCHAINS: Toolchain[] = [
  { what: 'a C compiler', program: new RegExp(`^${CROSS}(?:gcc|cc|clang|tcc)${VERSION}$`) },
  { what: 'a C++ compiler', program: new RegExp(`^${CROSS}(?:g\\+\\+|c\\+\\+|clang\\+\\+)${VERSION}$`) },
  { what: 'a build tool (make, cmake, ninja)', program: /^(?:make|gmake|ninja|cmake)$/ },
  { what: 'the Go toolchain', program: /^go$/ },
  { what: 'the Rust toolchain', program: /^(?:rustc|cargo)$/ },
  { what: 'a Java compiler (JDK)', program: /^javac$/ },
  { what: 'C library headers (build-essential, libc-dev)', path: /^\/usr\/include\/(?:stdio|stdlib|unistd)\.h$/ },
];

export default defineRule<ImageRuleContext>({
  id: 'IM021',
  name: 'toolchain-in-image',
  aliases: [],
  meta: {
    target: 'image',
    category: 'security',
    severity: 'info',
    fixable: null,
    status: 'stable',
    docs: {
      summary: 'The final image contains a build toolchain: a C/C++ compiler, make, the Go or Rust toolchain, a JDK compiler, or C library headers.',
      why: 'Compilers and their headers make the image hundreds of MB larger, add packages to patch, and hand an attacker who gets a shell a ready way to build exploits in place. Build in one stage and copy only the result into a slim runtime stage (multi-stage builds), or remove the build packages in the same RUN that used them (`apt-get purge --auto-remove build-essential`). Programs are matched by name in any `bin` directory outside node_modules; each toolchain is reported once with the first place it was found.',
      bad: JSON.stringify({ layers: [{ files: [{ path: '/usr/bin/gcc-12', content: 'binary', mode: 0o755 }, { path: '/usr/bin/gcc', type: 'symlink', linkname: 'gcc-12' }, { path: '/usr/include/stdio.h', content: '/* stdio */\n' }] }] }, null, 2),
      good: JSON.stringify({ layers: [{ files: [{ path: '/usr/local/bin/server', content: 'binary', mode: 0o755 }, { path: '/usr/bin/gcc-ar-12', content: 'binary', mode: 0o755 }] }] }, null, 2),
    },
    options: {
      allow: { type: 'string[]', description: 'Programs or paths to accept, by base name (`make`) or absolute path (`/usr/bin/make`).', default: [] },
    },
    messages: {
      toolchain: 'The image contains {{what}} ({{path}}): build in a separate stage and copy only the result into the final image.',
    },
  },
  check(ctx) {
    const allow = new Set(stringList(ctx.options.allow));
    const found = new Map<Toolchain, { path: string; layer: number }>();
    const paths = [...ctx.image.files.keys()].sort();
    for (const path of paths) {
      if (path.includes('/node_modules/') || allow.has(path)) continue;
      const f = ctx.image.files.get(path)!;
      if (f.type === 'dir') continue;
      const inBin = /\/s?bin\/[^/]+$/.test(path);
      for (const t of TOOLCHAINS) {
        if (found.has(t) || allow.has(baseName(path))) continue;
        if ((t.program && inBin && t.program.test(baseName(path))) || (t.path && t.path.test(path))) found.set(t, { path, layer: f.layer });
      }
    }
    for (const t of TOOLCHAINS) {
      const hit = found.get(t);
      if (hit) ctx.report({ messageId: 'toolchain', data: { what: t.what, path: hit.path }, path: hit.path, layer: hit.layer, key: t.what });
    }
  },
});
