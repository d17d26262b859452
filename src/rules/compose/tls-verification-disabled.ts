import type { ComposeRuleContext } from '../compose-types.js';
import { literalEnvironment } from '../helpers/compose.js';
import { INSTEAD, tlsVariable } from '../helpers/tls.js';
import { defineRule } from '../types.js';

export default defineRule<ComposeRuleContext>({
  id: 'DC033',
  name: 'tls-verification-disabled',
  aliases: [],
  meta: {
    target: 'compose',
    category: 'security',
    severity: 'warning',
    fixable: null,
    status: 'stable',
    docs: {
      summary: 'A service\'s `environment:` turns off TLS certificate verification (`NODE_TLS_REJECT_UNAUTHORIZED: "0"`, `PYTHONHTTPSVERIFY: "0"`, `GIT_SSL_NO_VERIFY`, ...).',
      why: 'With certificate checks off, every HTTPS call the service makes (to a database, a payment API, an identity provider) accepts any certificate, so anyone on the network path can read and change the traffic. The switch is usually a workaround for a private CA: give the service that CA instead (`NODE_EXTRA_CA_CERTS`, `SSL_CERT_FILE`, or the CA added to the image). The variables are the ones the Dockerfile rule of the same name (DF115) reads: NODE_TLS_REJECT_UNAUTHORIZED=0, PYTHONHTTPSVERIFY=0, GIT_SSL_NO_VERIFY, PIP_TRUSTED_HOST, NPM_CONFIG_STRICT_SSL=false, YARN_ENABLE_STRICT_SSL=false and GOINSECURE. References (`${VAR}`) are not reported.',
      bad: 'services:\n  api:\n    image: acme/api:1.4.2\n    environment:\n      NODE_TLS_REJECT_UNAUTHORIZED: "0"\n',
      good: 'services:\n  api:\n    image: acme/api:1.4.2\n    environment:\n      NODE_EXTRA_CA_CERTS: /run/secrets/corp-ca.pem\n    secrets:\n      - corp-ca.pem\nsecrets:\n  corp-ca.pem:\n    file: ./corp-ca.pem\n',
    },
    messages: {
      disabled: 'Service "{{service}}" sets {{key}}={{value}}, which turns off TLS certificate verification in the running container; {{instead}}.',
    },
  },
  check(ctx) {
    for (const svc of ctx.services) {
      for (const { key, value, origin } of literalEnvironment(svc)) {
        const tool = tlsVariable(key, value);
        if (tool) ctx.report({ messageId: 'disabled', data: { service: svc.name, key, value, instead: INSTEAD[tool] }, at: origin });
      }
    }
  },
});
