import type { ImageRuleContext } from '../image-types.js';
import { INSTEAD, tlsVariable } from '../helpers/tls.js';
import { defineRule } from '../types.js';

export default defineRule<ImageRuleContext>({
  id: 'IM026',
  name: 'tls-verification-disabled',
  aliases: [],
  meta: {
    target: 'image',
    category: 'security',
    severity: 'warning',
    fixable: null,
    status: 'stable',
    docs: {
      summary: 'The image config sets an environment variable that turns off TLS certificate verification (`NODE_TLS_REJECT_UNAUTHORIZED=0`, `PYTHONHTTPSVERIFY=0`, `GIT_SSL_NO_VERIFY`, ...).',
      why: 'Every container started from the image inherits its ENV, so each HTTPS call the application makes accepts any certificate: anyone on the network path can read and change the traffic. The variable is usually left over from a build behind a proxy with its own CA; add that CA to the image instead (`NODE_EXTRA_CA_CERTS`, update-ca-certificates). Reads the variables of the Dockerfile rule of the same name (DF115): NODE_TLS_REJECT_UNAUTHORIZED=0, PYTHONHTTPSVERIFY=0, GIT_SSL_NO_VERIFY, PIP_TRUSTED_HOST, NPM_CONFIG_STRICT_SSL=false, YARN_ENABLE_STRICT_SSL=false and GOINSECURE.',
      bad: JSON.stringify({ config: { Env: ['PATH=/usr/local/bin:/usr/bin:/bin', 'NODE_TLS_REJECT_UNAUTHORIZED=0'] }, layers: [{ files: [] }] }, null, 2),
      good: JSON.stringify({ config: { Env: ['PATH=/usr/local/bin:/usr/bin:/bin', 'NODE_EXTRA_CA_CERTS=/etc/ssl/certs/ca-certificates.crt'] }, layers: [{ files: [] }] }, null, 2),
    },
    messages: {
      env: 'ENV {{assignment}} in the image config turns off TLS certificate verification in every container started from the image; {{instead}}.',
    },
  },
  check(ctx) {
    for (const kv of ctx.image.config.env) {
      const eq = kv.indexOf('=');
      if (eq <= 0) continue;
      const name = kv.slice(0, eq);
      const tool = tlsVariable(name, kv.slice(eq + 1));
      if (tool) ctx.report({ messageId: 'env', data: { assignment: kv, instead: INSTEAD[tool] }, field: 'config.Env', key: name });
    }
  },
});
