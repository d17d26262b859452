import rule from '../../../src/rules/image/wasted-space.js';
import { imageRuleTester } from '../../helpers/image-tester.js';

const MB = 1000 * 1000;
const BASE = { createdBy: '/bin/sh -c #(nop) ADD file:abc in / ', files: [{ path: '/usr/lib/libbig.so', size: 60 * MB }] };
const CMD = '/bin/sh -c #(nop)  CMD ["bash"]';

/** A base layer, then user layers; history marks the base boundary with the base's CMD. */
function image(userLayers: Array<{ createdBy: string; files: Array<Record<string, unknown>> }>) {
  return {
    history: [{ created_by: BASE.createdBy }, { created_by: CMD, empty_layer: true }, ...userLayers.map((l) => ({ created_by: l.createdBy }))],
    layers: [BASE, ...userLayers] as never[],
  };
}

const writeThenDelete = (path: string, size: number) => [
  { createdBy: '/bin/sh -c make-it', files: [{ path, size }] },
  { createdBy: '/bin/sh -c rm-it', files: [{ path, type: 'whiteout' }] },
];

imageRuleTester(rule, {
  valid: [
    { name: 'nothing wasted', spec: image([{ createdBy: '/bin/sh -c build', files: [{ path: '/app/bin', size: 10 * MB }] }]) },
    { name: 'dpkg churn below the floor', spec: image([{ createdBy: '/bin/sh -c apt-get install a', files: [{ path: '/var/lib/dpkg/status', size: 400000 }] }, { createdBy: '/bin/sh -c apt-get install b', files: [{ path: '/var/lib/dpkg/status', size: 410000 }] }]) },
    { name: '12 MB wasted in a 300 MB image: above the floor, under every threshold', spec: image([{ createdBy: '/bin/sh -c build', files: [{ path: '/app/data', size: 240 * MB }] }, ...writeThenDelete('/tmp/x', 12 * MB)]) },
    { name: 'thresholds disabled with 0', options: { 'max-wasted-bytes': 0, 'min-efficiency': 0, 'max-user-wasted-percent': 0 }, spec: image(writeThenDelete('/tmp/x', 30 * MB)) },
    { name: 'command-line thresholds override the defaults', thresholds: { maxWastedBytes: 50 * MB, minEfficiency: 0.3, maxUserWastedPercent: 100 }, spec: image(writeThenDelete('/tmp/x', 30 * MB)) },
  ],
  invalid: [
    {
      name: 'over max-wasted-bytes, efficiency and user share',
      spec: image([{ createdBy: '/bin/sh -c build', files: [{ path: '/app/bin', size: 1 * MB }] }, ...writeThenDelete('/var/lib/apt/lists/Packages', 25 * MB)]),
      errors: [{ field: 'economics.reclaimableBytes', message: ['25.0 MB in the layers could be reclaimed (more than 20.0 MB; efficiency', 'of the bytes above the base image, more than 10%', 'Largest: /var/lib/apt/lists/Packages 25.0 MB (layer 2, removed in 3)'] }],
    },
    {
      name: 'efficiency only, above the floor',
      spec: image(writeThenDelete('/tmp/x', 8 * MB)),
      options: { 'max-user-wasted-percent': 0 },
      errors: [{ field: 'economics.reclaimableBytes', message: '8.0 MB in the layers could be reclaimed (efficiency 88.2% is below 90%)' }],
    },
    {
      name: 'user share only (percent given as 5)',
      spec: image([{ createdBy: '/bin/sh -c build', files: [{ path: '/app/data', size: 100 * MB }] }, ...writeThenDelete('/tmp/x', 6 * MB)]),
      options: { 'max-user-wasted-percent': 5 },
      errors: [{ field: 'economics.reclaimableBytes', message: '(5.7% of the bytes above the base image, more than 5%)' }],
    },
    {
      name: 'command-line max-wasted-bytes',
      thresholds: { maxWastedBytes: 1 * MB, minWastedBytes: 100 * MB },
      spec: image(writeThenDelete('/tmp/x', 2 * MB)),
      errors: [{ field: 'economics.reclaimableBytes', message: '(more than 1.0 MB)' }],
    },
  ],
});
