import rule from '../../../src/rules/image/add-instruction.js';
import { imageRuleTester } from '../../helpers/image-tester.js';

const steps = (...createdBy: string[]) => ({ layers: createdBy.map((c) => ({ createdBy: c, files: [] })) });
const BASE = '/bin/sh -c #(nop) ADD file:9a4f77dfaba7fd2aa78186e4 in / ';

imageRuleTester(rule, {
  valid: [
    { name: 'only the base rootfs ADD', spec: steps(BASE, '/bin/sh -c #(nop) COPY dir:abc in /app ') },
    { name: 'local archive via BuildKit', spec: steps(BASE, 'ADD vendor.tar.gz /opt/ # buildkit') },
    {
      name: 'base ADD after empty-layer entries',
      spec: { history: [{ created_by: 'ARG RELEASE', empty_layer: true }, { created_by: BASE }, { created_by: '/bin/sh -c #(nop)  CMD ["bash"]', empty_layer: true }], layers: [{ files: [] }] },
    },
  ],
  invalid: [
    {
      name: 'classic ADD after the base',
      spec: steps(BASE, '/bin/sh -c #(nop) ADD file:0123abcd in /app/config.yml '),
      errors: [{ layer: 1, field: 'history[1].created_by', message: ['uses ADD', 'ADD file:0123abcd in /app/config.yml'] }],
    },
    {
      name: 'BuildKit ADD of a URL, even a tarball',
      spec: steps(BASE, 'ADD https://example.com/tool.tar.gz /opt/ # buildkit'),
      errors: [{ layer: 1, field: 'history[1].created_by', message: 'ADD https://example.com/tool.tar.gz /opt/' }],
    },
    {
      name: 'first layer made by COPY: a later ADD is not the rootfs',
      spec: steps('COPY app /app # buildkit', 'ADD --chown=1:1 app.conf /etc/ # buildkit'),
      errors: [{ layer: 1, field: 'history[1].created_by' }],
    },
  ],
});
