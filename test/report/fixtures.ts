/** Images and findings for the HTML report tests, described in code. */
import type { Finding } from '../../src/finding.js';
import type { ImageSpec, SpecFile } from '../helpers/image-spec.js';

export const HOSTILE_NAME = '<script>window.__pwned=1</script>.txt';
export const HOSTILE_ATTR = '"><img src=x onerror="window.__pwned=2">';

const bytes = (n: number, ch = 'x') => ch.repeat(n);

/**
 * Two base layers (a CMD boundary in the history), then four of the user's: one overwrites a base
 * file, one writes a file a later layer removes, and one holds hostile file names.
 */
export const REPORT_SPEC: ImageSpec = {
  config: { User: 'root', Cmd: ['/app/run'] },
  history: [
    { created_by: '/bin/sh -c #(nop) ADD file:0123456789abcdef in / ' },
    { created_by: '/bin/sh -c apk add --no-cache busybox' },
    { created_by: '/bin/sh -c #(nop)  CMD ["/bin/sh"]', empty_layer: true },
    { created_by: '|1 VERSION=1 /bin/sh -c apt-get update && apt-get install -y build-essential ' + 'curl '.repeat(40) },
    { created_by: '/bin/sh -c #(nop) COPY dir:abc in /app ' },
    { created_by: '/bin/sh -c rm -rf /var/cache/big' },
    { created_by: '/bin/sh -c #(nop) COPY file:evil in /srv ' },
    { created_by: '/bin/sh -c #(nop)  CMD ["/app/run"]', empty_layer: true },
  ],
  layers: [
    {
      files: [
        { path: 'bin/', type: 'dir' },
        { path: 'bin/busybox', content: bytes(40_000) },
        { path: 'etc/', type: 'dir' },
        { path: 'etc/passwd', content: 'root:x:0:0:root:/root:/bin/sh\n' },
        { path: 'etc/os-release', content: 'ID=alpine\n' },
      ],
    },
    {
      files: [
        { path: 'lib/', type: 'dir' },
        { path: 'lib/libc.so', content: bytes(30_000) },
        { path: 'lib/libm.so', content: bytes(8_000) },
      ],
    },
    {
      files: [
        { path: 'usr/lib/gcc/cc1', content: bytes(60_000) },
        { path: 'lib/libc.so', content: bytes(31_000, 'y') }, // overwrites the base copy
        { path: 'var/cache/big/blob.bin', content: bytes(25_000) },
      ],
    },
    { files: [{ path: 'app/run', content: bytes(5_000), mode: 0o755 }, { path: 'app/data/a.json', content: bytes(2_000) }] },
    { files: [{ path: 'var/cache/big', type: 'whiteout' }] },
    {
      files: [
        { path: `srv/${HOSTILE_NAME}`, content: bytes(12_000) },
        { path: `srv/${HOSTILE_ATTR}`, content: bytes(11_000) },
      ],
    },
  ],
};

/** Many small files in many directories: a treemap has to fold them. */
export function bigSpec(dirs: number, filesPerDir: number): ImageSpec {
  const files: SpecFile[] = [];
  for (let d = 0; d < dirs; d++) {
    for (let f = 0; f < filesPerDir; f++) files.push({ path: `usr/share/pkg${d}/sub/file${f}.dat`, content: Buffer.alloc(100 + ((d * 7 + f * 13) % 900)) });
  }
  return { layers: [{ createdBy: '/bin/sh -c #(nop) ADD rootfs /', files }] };
}

function finding(over: Partial<Finding> & Pick<Finding, 'ruleId' | 'ruleName' | 'severity' | 'message'>): Finding {
  return { aliases: [], location: { image: 'test-image' }, fingerprint: `${over.ruleId}-${over.message.length}`, ...over };
}

export const REPORT_FINDINGS: Finding[] = [
  finding({ ruleId: 'IM001', ruleName: 'root-user', aliases: ['CIS-DI-0001'], severity: 'warning', message: 'The image runs as root.', location: { image: 'test-image', field: 'config.User' } }),
  finding({ ruleId: 'IM020', ruleName: 'toolchain-in-image', severity: 'info', message: 'A compiler is in the final image.', location: { image: 'test-image', layer: 'sha256:020202020202', path: '/usr/lib/gcc/cc1' } }),
  finding({
    ruleId: 'IM010',
    ruleName: 'secret-file',
    severity: 'error',
    message: `Secret-looking file ${HOSTILE_NAME}`,
    location: { image: 'test-image', layer: 'sha256:050505050505', path: `/srv/${HOSTILE_ATTR}` },
  }),
];
