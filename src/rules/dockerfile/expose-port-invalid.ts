import { defineRule } from '../types.js';

// `80`, `80/tcp`, `8000-8010/udp`
const PORT_SPEC = /^(\d+)(?:-(\d+))?(?:\/[A-Za-z]+)?$/;

export default defineRule({
  id: 'DF015',
  name: 'expose-port-invalid',
  aliases: ['DL3011'],
  onlyWith: ['EXPOSE'],
  meta: {
    target: 'dockerfile',
    category: 'correctness',
    severity: 'error',
    fixable: null,
    status: 'stable',
    docs: {
      summary: 'EXPOSE with a port above 65535 or a reversed port range.',
      why: 'TCP and UDP ports go from 0 to 65535. A larger number, or a range whose start is above its end, is a typo that Docker rejects or that documents a port nothing can listen on.',
      bad: 'FROM nginx:1.27\nEXPOSE 80800\n',
      good: 'FROM nginx:1.27\nEXPOSE 8080\n',
    },
    messages: {
      range: 'Port {{port}} in EXPOSE {{spec}} is out of range; ports go from 0 to 65535.',
      rangeBoth: 'Ports {{port}} in EXPOSE {{spec}} are out of range; ports go from 0 to 65535.',
      reversed: 'Port range {{spec}} starts above where it ends; write it as {{fixed}}.',
    },
  },
  check({ df, report }) {
    for (const instr of df.instructions) {
      if (instr.keyword !== 'EXPOSE') continue;
      for (const w of instr.words) {
        // EXPOSE expands variables and splits what they hold into words (BuildKit's ProcessWords);
        // an unknown one could hold anything.
        const expanded = w.value.includes('$') ? df.expand(instr, w.value) : w.value;
        if (expanded === null) continue;
        for (const spec of expanded === w.value ? [expanded] : expanded.split(/\s+/).filter(Boolean)) {
          const m = PORT_SPEC.exec(spec);
          if (!m) continue;
          const span = { start: w.start, end: w.end };
          const low = Number(m[1]);
          const high = m[2] === undefined ? low : Number(m[2]);
          const bad = [m[1], m[2]].filter((p): p is string => p !== undefined && Number(p) > 65535);
          if (bad.length > 0) {
            // Point at the number itself when the word is written literally on one line (and only one is bad).
            const at = bad[0] === m[1] ? 0 : m[1].length + 1;
            const literal = spec === w.raw && w.end - w.start === w.raw.length && bad.length === 1;
            report({ messageId: bad.length > 1 ? 'rangeBoth' : 'range', data: { port: bad.join(' and '), spec }, span: literal ? { start: w.start + at, end: w.start + at + bad[0].length } : span });
          }
          else if (low > high) report({ messageId: 'reversed', data: { spec, fixed: spec.replace(`${m[1]}-${m[2]}`, `${m[2]}-${m[1]}`) }, span });
        }
      }
    }
  },
});
