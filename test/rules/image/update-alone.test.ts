import rule from '../../../src/rules/image/update-alone.js';
import { imageRuleTester } from '../../helpers/image-tester.js';

const steps = (...createdBy: string[]) => ({ layers: createdBy.map((c) => ({ createdBy: c, files: [] })) });

imageRuleTester(rule, {
  valid: [
    { name: 'update and install chained', spec: steps('/bin/sh -c apt-get update && apt-get install -y curl') },
    { name: 'options before the subcommand', spec: steps('/bin/sh -c apt-get -qq update && apt-get -qq install -y curl') },
    { name: 'apk update then add', spec: steps('RUN /bin/sh -c apk update && apk add curl # buildkit') },
    { name: 'update then upgrade', spec: steps('/bin/sh -c apt-get update; apt-get upgrade -y') },
    { name: 'installing a package named update', spec: steps('/bin/sh -c apt-get install -y update-notifier') },
    { name: 'sudo prefix', spec: steps('/bin/sh -c sudo apt-get update && sudo apt-get install -y git') },
    { name: 'dnf makecache then install', spec: steps('/bin/sh -c dnf makecache && dnf install -y git') },
  ],
  invalid: [
    {
      name: 'update alone, install in the next layer',
      spec: steps('/bin/sh -c #(nop) ADD file:abc in / ', '/bin/sh -c apt-get update', '/bin/sh -c apt-get install -y curl'),
      errors: [{ layer: 1, field: 'history[1].created_by', message: ['`apt-get update`', 'Step: apt-get update'] }],
    },
    {
      name: 'BuildKit spelling with build args',
      spec: steps('RUN |1 MIRROR=x /bin/sh -c apk update && echo done # buildkit'),
      errors: [{ layer: 0, field: 'history[0].created_by', message: '`apk update`' }],
    },
    {
      name: 'install before the update does not count',
      spec: steps('/bin/sh -c apt install -y curl && apt update'),
      errors: [{ layer: 0, field: 'history[0].created_by', message: '`apt update`' }],
    },
    {
      name: 'a RUN of many updates: one finding per command, each family judged by what comes after',
      spec: steps(`/bin/sh -c ${'apt-get update; '.repeat(2000)}apk update; apt-get install -y curl; apk update; dnf makecache`),
      errors: [
        { layer: 0, field: 'history[0].created_by', message: ['`apk update`', 'Step: apt-get update; apt-get update;'] },
        { layer: 0, field: 'history[0].created_by', message: '`dnf makecache`' },
      ],
    },
    {
      name: 'the same command alone twice in one RUN is reported once',
      spec: steps('/bin/sh -c apk update; apk update'),
      errors: [{ layer: 0, field: 'history[0].created_by', message: '`apk update`' }],
    },
  ],
});
