import rule from '../../../src/rules/image/apt-lists-not-cleaned.js';
import { imageRuleTester } from '../../helpers/image-tester.js';

const LISTS = '/var/lib/apt/lists';

imageRuleTester(rule, {
  valid: [
    { name: 'cleaned in the same RUN (history says so, files agree)', spec: { layers: [{ createdBy: '/bin/sh -c apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*', files: [{ path: `${LISTS}/`, type: 'dir' }] }] } },
    { name: 'lock and partial only', spec: { layers: [{ files: [{ path: `${LISTS}/lock`, content: '' }, { path: `${LISTS}/partial/`, type: 'dir' }, { path: `${LISTS}/partial/x`, size: 10 }] }] } },
    {
      name: 'deleted by a whiteout in a later layer (the wasted-space rule covers the bytes)',
      spec: { layers: [{ files: [{ path: `${LISTS}/deb_Packages`, size: 100 }] }, { files: [{ path: `${LISTS}/deb_Packages`, type: 'whiteout' }] }] },
    },
    { name: 'empty auxfiles', spec: { layers: [{ files: [{ path: `${LISTS}/auxfiles/`, type: 'dir' }, { path: `${LISTS}/empty`, content: '' }] }] } },
  ],
  invalid: [
    {
      name: 'lists left whatever the history says',
      spec: {
        layers: [
          { createdBy: '/bin/sh -c apt-get update && apt-get install -y curl && apt-get clean', files: [{ path: `${LISTS}/deb.debian.org_debian_dists_bookworm_InRelease`, size: 151000 }, { path: `${LISTS}/deb.debian.org_debian_dists_bookworm_main_binary-amd64_Packages.lz4`, size: 8900000 }, { path: `${LISTS}/lock`, content: '' }] },
          { createdBy: 'COPY app /app # buildkit', files: [{ path: '/app/x', content: 'x' }] },
        ],
      },
      errors: [{ layer: 0, path: LISTS, message: 'holds 2 files (9.1 MB) of apt package lists' }],
    },
    {
      name: 'lists from the base image',
      spec: { layers: [{ createdBy: '/bin/sh -c #(nop) ADD file:abc in / ', files: [{ path: `${LISTS}/x_Packages`, size: 10 }] }, { files: [] }] },
      errors: [{ layer: 0, path: LISTS, message: '1 file (10 B)' }],
    },
  ],
});
