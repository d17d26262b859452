import { defineRule } from '../types.js';
import { checkMissingYes, PROMPTS } from '../helpers/rpm.js';

const YUM = new Set(['yum']);

export default defineRule({
  id: 'DF031',
  name: 'yum-missing-yes',
  aliases: ['DL3030'],
  meta: {
    target: 'dockerfile',
    category: 'reliability',
    severity: 'warning',
    fixable: 'safe',
    status: 'stable',
    docs: {
      summary: '`yum install` (or another package-changing yum command) without `-y`.',
      why: 'yum asks "Is this ok [y/N]" before it changes packages. A build has no terminal to answer, so yum reads end-of-input, aborts, and the build fails. `-y` (`--assumeyes`) answers the prompt.',
      bad: 'FROM centos:7\nRUN yum install httpd-2.4.6 && yum clean all\n',
      good: 'FROM centos:7\nRUN yum install -y httpd-2.4.6 && yum clean all\n',
    },
    messages: { missing: '`yum {{action}}` without -y stops at a confirmation prompt the build cannot answer; add -y.' },
  },
  check(ctx) {
    checkMissingYes(ctx, YUM, PROMPTS.yum);
  },
});
