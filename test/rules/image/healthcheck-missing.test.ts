import rule from '../../../src/rules/image/healthcheck-missing.js';
import { imageRuleTester } from '../../helpers/image-tester.js';

const img = (config: Record<string, unknown>) => ({ config, layers: [{ files: [] }] });

imageRuleTester(rule, {
  valid: [
    { name: 'CMD healthcheck', spec: img({ Healthcheck: { Test: ['CMD', '/app/health'] } }) },
    { name: 'CMD-SHELL healthcheck', spec: img({ Healthcheck: { Test: ['CMD-SHELL', 'wget -q -O- localhost'], Interval: 30000000000 } }) },
  ],
  invalid: [
    { name: 'no Healthcheck', spec: img({}), errors: [{ field: 'config.Healthcheck', message: 'defines no HEALTHCHECK' }] },
    { name: 'null Healthcheck', spec: img({ Healthcheck: null }), errors: [{ field: 'config.Healthcheck', message: 'defines no HEALTHCHECK' }] },
    { name: 'NONE', spec: img({ Healthcheck: { Test: ['NONE'] } }), errors: [{ field: 'config.Healthcheck', message: 'HEALTHCHECK NONE' }] },
  ],
});
