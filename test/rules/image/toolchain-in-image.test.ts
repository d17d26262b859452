import rule from '../../../src/rules/image/toolchain-in-image.js';
import { imageRuleTester } from '../../helpers/image-tester.js';

const exe = (path: string) => ({ path, content: 'ELF', mode: 0o755 });

imageRuleTester(rule, {
  valid: [
    { name: 'runtime only', spec: { layers: [{ files: [exe('/usr/local/bin/node'), exe('/usr/bin/gcc-ar-12'), exe('/usr/bin/c++filt'), exe('/usr/bin/ccache-swig')] }] } },
    { name: 'node_modules bins', spec: { layers: [{ files: [exe('/app/node_modules/.bin/make'), exe('/app/node_modules/node-gyp/bin/cc')] }] } },
    { name: 'removed in a later layer', spec: { layers: [{ files: [exe('/usr/bin/gcc')] }, { files: [{ path: '/usr/bin/gcc', type: 'whiteout' }] }] } },
    { name: 'allowed kind', options: { allow: ['make'] }, spec: { layers: [{ files: [exe('/usr/bin/make')] }] } },
    { name: 'headers outside /usr/include', spec: { layers: [{ files: [{ path: '/usr/local/include/app/stdio.h', content: '' }] }] } },
  ],
  invalid: [
    {
      name: 'Debian build-essential',
      spec: {
        layers: [
          { files: [] },
          { files: [exe('/usr/bin/x86_64-linux-gnu-gcc-12'), { path: '/usr/bin/gcc', type: 'symlink', linkname: 'gcc-12' }, exe('/usr/bin/g++-12'), exe('/usr/bin/make'), { path: '/usr/include/stdio.h', content: '' }] },
        ],
      },
      errors: [
        { layer: 1, path: '/usr/bin/g++-12', message: 'contains a C++ compiler (/usr/bin/g++-12)' },
        { layer: 1, path: '/usr/bin/gcc', message: 'contains a C compiler (/usr/bin/gcc)' },
        { layer: 1, path: '/usr/bin/make', message: 'a build tool (make, cmake, ninja)' },
        { layer: 1, path: '/usr/include/stdio.h', message: 'C library headers' },
      ],
    },
    {
      name: 'Go, Rust and JDK toolchains',
      spec: { layers: [{ files: [exe('/usr/local/go/bin/go'), exe('/usr/local/cargo/bin/cargo'), exe('/usr/lib/jvm/java-17-openjdk-amd64/bin/javac')] }] },
      errors: [
        { layer: 0, path: '/usr/lib/jvm/java-17-openjdk-amd64/bin/javac', message: 'contains a Java compiler (JDK)' },
        { layer: 0, path: '/usr/local/cargo/bin/cargo', message: 'contains the Rust toolchain' },
        { layer: 0, path: '/usr/local/go/bin/go', message: 'contains the Go toolchain' },
      ],
    },
  ],
});
