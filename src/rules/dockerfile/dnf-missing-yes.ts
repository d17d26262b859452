import { defineRule } from '../types.js';
import { checkMissingYes, DNF_TOOLS, PROMPTS } from '../helpers/rpm.js';

export default defineRule({
  id: 'DF038',
  name: 'dnf-missing-yes',
  aliases: ['DL3038'],
  meta: {
    target: 'dockerfile',
    category: 'reliability',
    severity: 'warning',
    fixable: 'safe',
    status: 'stable',
    docs: {
      summary: '`dnf install` / `microdnf install` (or another package-changing command) without `-y`.',
      why: 'dnf asks "Is this ok [y/N]" before it changes packages. A build has no terminal to answer, so dnf reads end-of-input, aborts, and the build fails. `-y` (`--assumeyes`) answers the prompt.',
      bad: 'FROM fedora:40\nRUN dnf install httpd-2.4.62 && dnf clean all\n',
      good: 'FROM fedora:40\nRUN dnf install -y httpd-2.4.62 && dnf clean all\n',
    },
    messages: { missing: '`{{tool}} {{action}}` without -y stops at a confirmation prompt the build cannot answer; add -y.' },
  },
  check(ctx) {
    checkMissingYes(ctx, DNF_TOOLS, PROMPTS.dnf);
  },
});
