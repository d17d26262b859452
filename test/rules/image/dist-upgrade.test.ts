import rule from '../../../src/rules/image/dist-upgrade.js';
import { imageRuleTester } from '../../helpers/image-tester.js';

const steps = (...createdBy: string[]) => ({ layers: createdBy.map((c) => ({ createdBy: c, files: [] })) });

imageRuleTester(rule, {
  valid: [
    { name: 'install only', spec: steps('/bin/sh -c apt-get update && apt-get install -y --no-install-recommends curl') },
    { name: 'plain upgrade (DF112 territory)', spec: steps('/bin/sh -c apt-get upgrade -y') },
    { name: 'a package called dist-upgrade', spec: steps('/bin/sh -c apt-get install -y dist-upgrade-helper') },
  ],
  invalid: [
    {
      name: 'dist-upgrade with options first',
      spec: steps('/bin/sh -c #(nop) ADD file:abc in / ', '/bin/sh -c apt-get update && apt-get -y -o Dpkg::Options::=--force-confnew dist-upgrade'),
      errors: [{ layer: 1, field: 'history[1].created_by', message: 'runs `apt-get dist-upgrade`' }],
    },
    { name: 'apt full-upgrade', spec: steps('RUN /bin/sh -c apt full-upgrade -y # buildkit'), errors: [{ layer: 0, field: 'history[0].created_by', message: '`apt full-upgrade`' }] },
  ],
});
