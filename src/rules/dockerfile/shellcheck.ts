import { defineRule } from '../types.js';

export default defineRule({
  id: 'DF073',
  name: 'shellcheck',
  aliases: [],
  meta: {
    target: 'dockerfile',
    category: 'correctness',
    severity: 'warning',
    fixable: null,
    status: 'stable',
    docs: {
      summary: 'ShellCheck findings in RUN scripts (shell form and shell heredocs), at their exact line and column.',
      why: 'RUN scripts are shell programs; quoting bugs, unset variables and non-POSIX syntax under /bin/sh break builds in subtle ways. When a `shellcheck` binary is on PATH, shipready runs it on every shell-form RUN and reports each finding inside the RUN with its SC code as an alias, so `# hadolint ignore=SC2086` and `ignore: [SC2086]` work. Without the binary this rule is skipped with one notice.',
      bad: 'FROM debian:12-slim\nARG VERSION\nRUN echo $UNDEFINED_THING\n',
      good: 'FROM debian:12-slim\nRUN echo "hello"\n',
    },
    messages: { sc: '{{message}} ({{code}})' },
  },
  check({ shellcheck, report }) {
    for (const d of shellcheck ?? []) {
      report({ messageId: 'sc', data: { message: d.message, code: d.code }, span: d.span, aliases: [d.code], severity: d.level });
    }
  },
});
