import rule from '../../../src/rules/image/sudo-in-run.js';
import { imageRuleTester } from '../../helpers/image-tester.js';

const steps = (...createdBy: string[]) => ({ layers: createdBy.map((c) => ({ createdBy: c, files: [] })) });

imageRuleTester(rule, {
  valid: [
    { name: 'installing the sudo package', spec: steps('/bin/sh -c apt-get install -y sudo') },
    { name: 'sudo in a string', spec: steps('/bin/sh -c echo "app ALL=(ALL) NOPASSWD: ALL" > /etc/sudoers.d/app') },
    { name: 'not a RUN', spec: steps('COPY sudo /usr/local/bin/sudo # buildkit') },
  ],
  invalid: [
    {
      name: 'sudo in a chain',
      spec: steps('/bin/sh -c #(nop) ADD file:abc in / ', '/bin/sh -c apt-get update && sudo apt-get install -y curl'),
      errors: [{ layer: 1, field: 'history[1].created_by', message: ['runs `sudo`', 'apt-get update && sudo apt-get install -y curl'] }],
    },
    {
      name: 'BuildKit spelling, reported once per step',
      spec: steps('RUN /bin/sh -c sudo mkdir /x && sudo chown app /x # buildkit'),
      errors: [{ layer: 0, field: 'history[0].created_by' }],
    },
  ],
});
