import rule from '../../../src/rules/image/apk-cache.js';
import { imageRuleTester } from '../../helpers/image-tester.js';

imageRuleTester(rule, {
  valid: [
    { name: '--no-cache', spec: { layers: [{ createdBy: '/bin/sh -c apk add --no-cache curl', files: [{ path: '/var/cache/apk/', type: 'dir' }] }] } },
    { name: 'cache removed in the same RUN', spec: { layers: [{ createdBy: '/bin/sh -c apk add curl && rm -rf /var/cache/apk/*', files: [] }] } },
    { name: 'apk cache clean in the same RUN', spec: { layers: [{ createdBy: '/bin/sh -c apk add curl && apk cache clean', files: [] }] } },
    { name: 'empty cache files do not count', spec: { layers: [{ createdBy: '/bin/sh -c apk add --no-cache curl', files: [{ path: '/var/cache/apk/.keep', content: '' }] }] } },
  ],
  invalid: [
    {
      name: 'cache in the final file system: one finding with its size',
      spec: {
        layers: [
          { createdBy: '/bin/sh -c apk add curl', files: [{ path: '/var/cache/apk/APKINDEX.a.tar.gz', size: 1500 }] },
          { createdBy: '/bin/sh -c apk add git', files: [{ path: '/var/cache/apk/APKINDEX.b.tar.gz', size: 1000 }] },
        ],
      },
      errors: [{ layer: 1, path: '/var/cache/apk', message: 'holds 2 files (2.5 kB) of apk cache' }],
    },
    {
      name: 'cache removed only by a later step: the earlier layer keeps it',
      spec: {
        layers: [
          { createdBy: '/bin/sh -c #(nop) ADD file:abc in / ', files: [] },
          { createdBy: '/bin/sh -c apk update && apk add -t .build-deps gcc', files: [{ path: '/var/cache/apk/APKINDEX.a.tar.gz', size: 1500 }] },
          { createdBy: '/bin/sh -c rm -rf /var/cache/apk/*', files: [{ path: '/var/cache/apk/APKINDEX.a.tar.gz', type: 'whiteout' }] },
        ],
      },
      errors: [{ layer: 1, field: 'history[1].created_by', message: 'runs `apk add` without --no-cache' }],
    },
  ],
});
