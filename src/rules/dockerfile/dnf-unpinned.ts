import { defineRule } from '../types.js';
import { checkUnpinned, DNF_TOOLS } from '../helpers/rpm.js';

const INSTALL = new Set(['install', 'in']);

export default defineRule({
  id: 'DF040',
  name: 'dnf-unpinned',
  aliases: ['DL3041'],
  meta: {
    target: 'dockerfile',
    category: 'reliability',
    severity: 'warning',
    fixable: null,
    status: 'stable',
    docs: {
      summary: '`dnf install` / `microdnf install` of a package without a version.',
      why: 'Without a version, each build installs whatever the repository offers that day, so the same Dockerfile yields different images over time and a rebuild can break. Pin `name-version` (optionally `-release`), and `name:stream` for modules.',
      bad: 'FROM fedora:40\nRUN dnf install -y httpd && dnf clean all\n',
      good: 'FROM fedora:40\nRUN dnf install -y httpd-2.4.62 && dnf clean all\n',
    },
    messages: {
      unpinned: 'Package "{{pkg}}" is installed without a version; pin it as {{pin}}.',
      module: 'Module "{{pkg}}" is installed without a stream; pin it as {{pkg}}:<stream>.',
    },
  },
  check(ctx) {
    checkUnpinned(ctx, DNF_TOOLS, INSTALL);
  },
});
