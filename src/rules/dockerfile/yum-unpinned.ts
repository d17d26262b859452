import { defineRule } from '../types.js';
import { checkUnpinned } from '../helpers/rpm.js';

const YUM = new Set(['yum']);
const INSTALL = new Set(['install']);

export default defineRule({
  id: 'DF033',
  name: 'yum-unpinned',
  aliases: ['DL3033'],
  meta: {
    target: 'dockerfile',
    category: 'reliability',
    severity: 'warning',
    fixable: null,
    status: 'stable',
    docs: {
      summary: '`yum install` of a package without a version.',
      why: 'Without a version, each build installs whatever the repository offers that day, so the same Dockerfile yields different images over time and a rebuild can break. Pin `name-version` (optionally `-release`), and `name:stream` for modules.',
      bad: 'FROM centos:7\nRUN yum install -y httpd && yum clean all\n',
      good: 'FROM centos:7\nRUN yum install -y httpd-2.4.6 && yum clean all\n',
    },
    messages: {
      unpinned: 'Package "{{pkg}}" is installed without a version; pin it as {{pin}}.',
      module: 'Module "{{pkg}}" is installed without a stream; pin it as {{pkg}}:<stream>.',
    },
  },
  check(ctx) {
    checkUnpinned(ctx, YUM, INSTALL);
  },
});
