import { expandVars, referencedVars } from '../../model/dockerfile/expand.js';
import { globalArgDefaults } from '../helpers/dockerfile.js';
import { defineRule } from '../types.js';

// Set by the builder for every build; a --platform that uses them follows the requested platform.
const AUTOMATIC = new Set(['TARGETPLATFORM', 'TARGETOS', 'TARGETARCH', 'TARGETVARIANT', 'BUILDPLATFORM', 'BUILDOS', 'BUILDARCH', 'BUILDVARIANT']);

export default defineRule({
  id: 'DF030',
  name: 'platform-fixed',
  aliases: ['DL3029'],
  meta: {
    target: 'dockerfile',
    category: 'reliability',
    severity: 'warning',
    fixable: null,
    status: 'stable',
    docs: {
      summary: '`FROM --platform=` with a fixed platform.',
      why: 'A hard-coded platform makes every build use that architecture, whatever platform was requested: an arm64 build quietly produces an amd64 image that runs under emulation or not at all. Leave the platform to the builder, or use `$BUILDPLATFORM` for stages that cross-compile.',
      bad: 'FROM --platform=linux/amd64 python:3.12-slim\nCMD ["python3"]\n',
      good: 'FROM python:3.12-slim\nCMD ["python3"]\n',
    },
    messages: {
      fixed: 'FROM --platform={{value}} always builds this stage for {{platform}}, whatever platform the build asks for; drop the flag, or use $BUILDPLATFORM for a stage that cross-compiles.',
    },
  },
  check({ df, report }) {
    for (const stage of df.stages) {
      const flag = stage.platform;
      if (!flag || !flag.value) continue;
      const refs = referencedVars(flag.value);
      if (refs.some((r) => AUTOMATIC.has(r))) continue;
      let platform = flag.value;
      if (refs.length > 0) {
        // FROM sees only the ARGs declared before the first FROM; one without a default comes from --build-arg.
        const g = globalArgDefaults(df);
        const v = expandVars(flag.value, (n) => g.get(n), df.escape);
        if (v === null) continue;
        platform = v;
      }
      if (platform === '') continue;
      report({ messageId: 'fixed', data: { value: flag.value, platform }, span: flag.valueSpan ?? flag });
    }
  },
});
