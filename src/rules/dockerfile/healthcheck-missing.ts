import type { Dockerfile, Instruction, Stage } from '../../model/dockerfile/types.js';
import { defineRule } from '../types.js';
import { baseName, isDevContainer } from '../helpers/dockerfile.js';

// Programs whose job is to serve requests.
const SERVERS = new Set([
  'nginx', 'httpd', 'apache2', 'apache2-foreground', 'apachectl', 'caddy', 'traefik', 'haproxy', 'envoy', 'lighttpd',
  'gunicorn', 'uvicorn', 'hypercorn', 'daphne', 'waitress-serve', 'uwsgi', 'granian', 'puma', 'unicorn', 'thin', 'passenger',
  'php-fpm', 'php-fpm8', 'php-fpm81', 'php-fpm82', 'php-fpm83', 'frankenphp', 'http-server', 'pm2-runtime', 'catalina.sh',
  'jupyter', 'redis-server', 'mongod', 'mysqld', 'postgres', 'memcached', 'rabbitmq-server', 'grafana-server', 'prometheus',
]);
// Words after which the next word is the program that actually runs (`tini -- gunicorn`, `python -m uvicorn`).
const WRAPPERS = new Set(['tini', 'dumb-init', 'exec', '--', '-m', 'run', 'run-program', 'npx', 'bunx', 'chpst']);
const PRIVILEGE_DROP = new Set(['gosu', 'su-exec']); // take a user argument first
const ENTRYPOINT_SCRIPT = /(?:entrypoint|\.sh$)/;
// Two-word forms: the first word, then the subcommand that starts a server. (A Map: an object would
// also find `constructor` and other inherited names.)
const SERVER_SUBCOMMANDS = new Map<string, Set<string>>([
  ['manage.py', new Set(['runserver'])], ['rails', new Set(['s', 'server'])], ['flask', new Set(['run'])], ['artisan', new Set(['serve', 'octane:start'])],
  ['next', new Set(['start'])], ['nuxt', new Set(['start'])], ['streamlit', new Set(['run'])], ['fastapi', new Set(['run'])], ['hugo', new Set(['server'])],
  ['php', new Set(['-S'])], ['deno', new Set(['serve'])], ['serve', new Set(['-s', '-l'])],
]);
const NODE = new Set(['node', 'nodemon', 'bun', 'ts-node', 'tsx']);
const NODE_SERVER_SCRIPT = /(?:^|\/)server\.[cm]?[jt]s$/;
// Images whose default command is a server.
const SERVER_IMAGES = new Set(['nginx', 'httpd', 'caddy', 'traefik', 'haproxy', 'tomcat', 'jetty', 'wordpress', 'ghost', 'nginxinc/nginx-unprivileged']);

/** What makes this command a server (for the message), if anything. */
function serverIn(df: Dockerfile, instr: Instruction): string | undefined {
  for (const cmd of df.script(instr).commands) {
    const words = cmd.words;
    // The base names of the word two back and one back (`undefined` before the first word).
    let prev2: string | undefined;
    let prev: string | undefined;
    for (let k = 0; k < words.length; k++) {
      const w = baseName(words[k].value);
      // Most words are no server: ask whether the word is the program that runs only for those that are.
      if (SERVERS.has(w) && (k === 0 || WRAPPERS.has(prev!) || ENTRYPOINT_SCRIPT.test(prev!) || (k >= 2 && PRIVILEGE_DROP.has(prev2!)))) return w;
      const subs = k + 1 < words.length ? SERVER_SUBCOMMANDS.get(w) : undefined;
      if (subs && subs.has(words[k + 1].value)) return `${w} ${words[k + 1].value}`;
      if (prev !== undefined && NODE.has(prev) && NODE_SERVER_SCRIPT.test(words[k].value)) return `${prev} ${words[k].value}`;
      prev2 = prev;
      prev = w;
    }
  }
  return undefined;
}

/** The words' values, space-separated. */
/** EXPOSE's ports as they take effect: `${PORT}` shown as the value an ARG or ENV gives it. */
function exposed(df: Dockerfile, i: Instruction): string {
  let out = '';
  for (const w of i.words) {
    const v = w.value.includes('$') ? (df.expand(i, w.value) ?? w.value) : w.value;
    out += out ? ' ' + v : v;
  }
  return out;
}

/** The repository without Docker Hub's `library/` prefix (what `.replace(/^library\//, '')` gives). */
function withoutLibrary(repository: string): string {
  return repository.startsWith('library/') ? repository.slice(8) : repository;
}

export default defineRule({
  id: 'DF101',
  name: 'healthcheck-missing',
  aliases: [],
  meta: {
    target: 'dockerfile',
    category: 'reliability',
    severity: 'info',
    fixable: null,
    status: 'stable',
    docs: {
      summary: 'A service image (it EXPOSEs a port or starts a server) has no HEALTHCHECK.',
      why: 'Without a HEALTHCHECK, Docker, Compose and Swarm only know that the process is alive, not that it still answers: a deadlocked server stays "running" and keeps receiving traffic, and `depends_on: condition: service_healthy` cannot work. Flags the final stage when it (or a stage it builds FROM) EXPOSEs a port, when its CMD/ENTRYPOINT starts a known server (nginx, gunicorn, uvicorn, puma, `rails server`, `node server.js`, ...) or when it builds on a server image such as nginx or httpd, and no HEALTHCHECK is set in that chain. Skips images that are not services (CLIs, jobs, build stages) and `HEALTHCHECK NONE`, a deliberate choice (e.g. when Kubernetes probes do the job, since Kubernetes ignores HEALTHCHECK). A HEALTHCHECK defined by a registry base image is invisible here. healthcheck-stage-missing (DF056) is hadolint\'s opt-in per-stage variant. Dev containers (a Dockerfile in `.devcontainer/`, one built on a dev container image, or one whose final stage is `dev-envs`, the target of Docker Dev Environments) are skipped: they are environments to develop in, never shipped.',
      bad: 'FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nEXPOSE 8000\nCMD ["gunicorn", "-b", "0.0.0.0:8000", "app:app"]\n',
      good: 'FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nEXPOSE 8000\nHEALTHCHECK --interval=30s --timeout=3s CMD ["python", "-c", "import urllib.request; urllib.request.urlopen(\'http://localhost:8000/healthz\')"]\nCMD ["gunicorn", "-b", "0.0.0.0:8000", "app:app"]\n',
    },
    messages: {
      missing: 'This image {{why}} but has no HEALTHCHECK; add HEALTHCHECK CMD [...] that probes the service, or HEALTHCHECK NONE if an orchestrator checks it instead.',
    },
  },
  check({ df, report }) {
    const final = df.stages[df.stages.length - 1];
    if (!final || isDevContainer(df)) return;
    let why: string | undefined;
    let root: Stage = final;
    let cmd: Instruction | undefined;
    let entrypoint: Instruction | undefined;
    // A parent stage always comes earlier in the file, so the chain ends (no set of seen stages needed).
    for (let s: Stage | undefined = final; s; s = s.parentStage !== null && s.parentStage < s.index ? df.stages[s.parentStage] : undefined) {
      root = s;
      // Walking from the final stage up: the first CMD/ENTRYPOINT met from the end is the one in effect.
      for (let k = s.instructions.length - 1; k >= 0; k--) {
        const i = s.instructions[k];
        const kw = i.keyword;
        if (kw === 'HEALTHCHECK') return;
        if (kw === 'EXPOSE' && i.words.length > 0) why ??= `exposes ${exposed(df, i)}`;
        else if (kw === 'CMD') cmd ??= i;
        else if (kw === 'ENTRYPOINT') entrypoint ??= i;
      }
    }
    if (!why) {
      const server = (entrypoint && serverIn(df, entrypoint)) ?? (cmd && serverIn(df, cmd));
      if (server) why = `starts a server (${server})`;
    }
    if (!why && root.ref) {
      const repo = withoutLibrary(root.ref.repository);
      if (SERVER_IMAGES.has(repo.toLowerCase())) why = `runs ${repo}`;
    }
    if (!why) return;
    const end = final.aliasSpan ? final.aliasSpan.end : final.imageSpan.end;
    report({ messageId: 'missing', data: { why }, span: { start: final.from.keywordSpan.start, end } });
  },
});
