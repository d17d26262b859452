import rule from '../../../src/rules/image/tls-verification-disabled.js';
import { imageRuleTester } from '../../helpers/image-tester.js';

const env = (...e: string[]) => ({ config: { Env: e }, layers: [{ files: [] }] });

imageRuleTester(rule, {
  valid: [
    { name: 'verification left on', spec: env('NODE_TLS_REJECT_UNAUTHORIZED=1', 'PYTHONHTTPSVERIFY=1', 'NPM_CONFIG_STRICT_SSL=true', 'NPM_CONFIG_STRICT_SSL=no') },
    { name: 'a CA given instead', spec: env('NODE_EXTRA_CA_CERTS=/etc/ssl/certs/ca-certificates.crt', 'SSL_CERT_FILE=/etc/ssl/cert.pem') },
    { name: 'no value', spec: env('NODE_TLS_REJECT_UNAUTHORIZED') },
  ],
  invalid: [
    {
      name: 'node, python and git',
      spec: env('PATH=/usr/bin', 'NODE_TLS_REJECT_UNAUTHORIZED=0', 'PYTHONHTTPSVERIFY=0', 'GIT_SSL_NO_VERIFY=true'),
      errors: [
        { field: 'config.Env', message: 'ENV NODE_TLS_REJECT_UNAUTHORIZED=0 in the image config turns off TLS certificate verification in every container started from the image; remove it and pass your CA with NODE_EXTRA_CA_CERTS.' },
        { field: 'config.Env', message: 'ENV PYTHONHTTPSVERIFY=0' },
        { field: 'config.Env', message: 'ENV GIT_SSL_NO_VERIFY=true' },
      ],
    },
    {
      name: 'npm reads npm_config_* in any case',
      spec: env('npm_config_strict_ssl=false'),
      errors: [{ field: 'config.Env', message: 'keep strict-ssl on' }],
    },
  ],
});
