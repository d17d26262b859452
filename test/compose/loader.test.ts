import { describe, expect, it } from 'vitest';
import { interpolate, parseDotenv } from '../../src/model/compose/interpolate.js';
import { loadComposeProject } from '../../src/model/compose/load.js';
import type { CNode, ComposeProject, Origin } from '../../src/model/compose/types.js';
import { parseYaml } from '../../src/model/compose/yaml.js';
import { get } from '../../src/rules/helpers/compose.js';

const ROOT = '/virtual/p';

function load(files: Record<string, string | Uint8Array>, opts: { main?: string[]; env?: Record<string, string>; envFiles?: string[] } = {}): ComposeProject {
  const vfs = new Map(Object.entries(files).map(([k, v]) => [`${ROOT}/${k}`, v]));
  const envFiles = opts.envFiles?.map((f) => `${ROOT}/${f}`);
  return loadComposeProject((opts.main ?? ['compose.yaml']).map((m) => ({ abs: `${ROOT}/${m}`, display: m })), { cwd: ROOT, env: opts.env ?? {}, readFile: (a) => vfs.get(a), envFiles });
}

/** "file:line:col" of an origin, plus the text written there. */
function where(p: ComposeProject, o: Origin): string {
  const f = p.files.find((x) => x.path === o.file)!;
  const pos = f.source.position(o.start);
  return `${o.file}:${pos.line}:${pos.column} ${f.text.slice(o.start, o.end)}`;
}

const svc = (p: ComposeProject, name: string) => p.services.find((s) => s.name === name)!;
const val = (n: CNode | undefined) => (n?.kind === 'scalar' ? n.value : undefined);

describe('YAML with a source map', () => {
  it('reads a flow list continued at its key\'s indentation, as go-yaml (Compose) does, with positions in the file as written', () => {
    const text = 'services:\n  app:\n    image: "daprio/daprd:1.14"\n    command: ["./daprd",\n    "-app-id", "app",\n     "-components-path", "/components"]\n    restart: always\n';
    const p = load({ 'compose.yaml': text });
    expect(p.issues).toEqual([]);
    const command = get(svc(p, 'app').node, 'command');
    expect(command?.kind === 'seq' ? command.items.map(val) : null).toEqual(['./daprd', '-app-id', 'app', '-components-path', '/components']);
    expect(where(p, command!.kind === 'seq' ? command!.items[2].origin : command!.origin)).toBe('compose.yaml:5:16 "app"');
    expect(where(p, get(svc(p, 'app').node, 'restart')!.origin)).toBe('compose.yaml:7:14 always');
  });

  it('still reports a flow list that is not closed', () => {
    const p = load({ 'compose.yaml': 'services:\n  app:\n    image: x:1\n    command: ["a",\n    "b"\n    restart: always\n' });
    expect(p.issues.map((i) => i.kind)).toEqual(['syntax']);
  });

  it('resolves aliases to the anchored node, keeping its position', () => {
    const p = load({ 'compose.yaml': 'x-img: &img nginx:latest\nservices:\n  a:\n    image: *img\n' });
    expect(where(p, get(svc(p, 'a').node, 'image')!.origin)).toBe('compose.yaml:1:13 nginx:latest');
  });

  it('applies merge keys; explicit keys win; merged values keep their anchor position', () => {
    const p = load({ 'compose.yaml': 'x-base: &base\n  restart: always\n  privileged: true\nservices:\n  a:\n    <<: *base\n    restart: "no"\n' });
    const a = svc(p, 'a').node;
    expect(val(get(a, 'restart'))).toBe('no');
    expect(where(p, get(a, 'privileged')!.origin)).toBe('compose.yaml:3:15 true');
    expect(a.entries.get('privileged')!.merged).toBe(true);
  });

  it('accepts a list of merge sources, the first winning', () => {
    const p = load({ 'compose.yaml': 'x-a: &a {user: one}\nx-b: &b {user: two, init: true}\nservices:\n  s:\n    <<: [*a, *b]\n    image: x:1\n' });
    expect(val(get(svc(p, 's').node, 'user'))).toBe('one');
    expect(val(get(svc(p, 's').node, 'init'))).toBe(true);
  });

  it('stops alias bombs with a clear error and a position', () => {
    let text = 'a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n';
    for (let i = 1; i < 12; i++) text += `a${i}: &a${i} [${Array(10).fill(`*a${i - 1}`).join(', ')}]\n`;
    const t0 = Date.now();
    const r = parseYaml(text, 'bomb.yaml');
    expect(Date.now() - t0).toBeLessThan(2000);
    expect(r.docs).toEqual([]);
    expect(r.issues[0].message).toMatch(/billion laughs/);
    expect(r.issues[0].origin.start).toBeGreaterThan(0);
  });

  it('reports duplicate keys at the second key', () => {
    const r = parseYaml('services:\n  a:\n    image: x\n    image: y\n', 'c.yaml');
    expect(r.issues).toHaveLength(1);
    expect(r.issues[0].message).toMatch(/duplicate key "image"/);
    expect(r.issues[0].origin.start).toBe('services:\n  a:\n    image: x\n    '.length);
  });

  it('finds a duplicate among 20,000 keys, at the second one; 1 and "1" are different keys', () => {
    const keys = Array.from({ length: 20_000 }, (_, i) => `      K${i}: v\n`).join('');
    const text = `services:\n  a:\n    environment:\n${keys}      K7: again\n`;
    const r = parseYaml(text, 'c.yaml');
    expect(r.issues.map((i) => i.message)).toEqual(['duplicate key "K7": a key may appear only once in a mapping (Compose rejects the file)']);
    expect(r.issues[0].origin.start).toBe(text.lastIndexOf('K7'));
    expect(parseYaml('x:\n  1: a\n  "1": b\n', 'c.yaml').issues).toEqual([]);
    expect(parseYaml('x: {a: 1, a: 2}\n', 'c.yaml').issues.map((i) => i.origin.start)).toEqual([10]);
    expect(parseYaml(`services:\n${keys}`, 'c.yaml').issues).toEqual([]);
  });

  it('reports tabs used for indentation', () => {
    const r = parseYaml('services:\n\ta:\n\t\timage: x\n', 'c.yaml');
    expect(r.issues.length).toBeGreaterThan(0);
    expect(r.issues[0].message).toMatch(/tab/i);
  });

  it('refuses deep nesting without crashing', () => {
    const deep = `${'['.repeat(5000)}${']'.repeat(5000)}\n`;
    const r = parseYaml(deep, 'deep.yaml');
    expect(r.docs).toEqual([]);
    expect(r.issues[0].message).toMatch(/nest/);
    const blocks = Array.from({ length: 80 }, (_, i) => `${'  '.repeat(i)}k${i}:`).join('\n') + ' v\n';
    expect(parseYaml(blocks, 'deep2.yaml').issues[0].message).toMatch(/more than 64 levels/);
  });

  it('reports non-UTF-8 bytes with their position', () => {
    const bytes = new Uint8Array([...Buffer.from('services:\n  a:\n    image: caf'), 0xe9, ...Buffer.from('\n')]);
    const p = load({ 'compose.yaml': bytes });
    expect(p.issues).toHaveLength(1);
    expect(p.issues[0].message).toMatch(/UTF-8/);
    expect(p.files[0].source.position(p.issues[0].origin.start)).toEqual({ line: 3, column: 15 });
  });

  it('reports a YAML bomb through the project loader too (no hang)', () => {
    const text = 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]\nf: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]\ng: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]\n';
    const p = load({ 'compose.yaml': text });
    expect(p.issues.map((i) => i.kind)).toEqual(['syntax']);
  });
});

describe('interpolation', () => {
  const env = new Map([['SET', 'value'], ['EMPTY', '']]);
  it.each([
    ['${SET}', 'value', false],
    ['$SET', 'value', false],
    ['${UNSET}', '', true],
    ['${UNSET:-def}', 'def', false],
    ['${EMPTY:-def}', 'def', false],
    ['${EMPTY-def}', '', false],
    ['${UNSET-def}', 'def', false],
    ['${UNSET:?need it}', '', true],
    ['${SET:?need it}', 'value', false],
    ['${SET:+alt}', 'alt', false],
    ['${UNSET:+alt}', '', false],
    ['${UNSET:-${SET}}', 'value', false],
    ['$$SET', '$SET', false],
    ['price $5', 'price $5', false],
  ])('%s -> %s (unknown: %s)', (input, value, unknown) => {
    const r = interpolate(input, env);
    expect(r.value).toBe(value);
    expect(r.unknown).toBe(unknown);
  });

  it('reports malformed references', () => {
    expect(interpolate('${OOPS', env).error?.message).toMatch(/closing/);
    expect(interpolate('${1X}', env).error?.message).toMatch(/invalid interpolation/);
  });

  it('follows nested defaults 32 levels deep and stops with an error past that, however deep', () => {
    const nest = (n: number) => `${'${UNSET:-'.repeat(n)}end${'}'.repeat(n)}`;
    expect(interpolate(nest(32), env)).toEqual({ value: 'end', used: true, unknown: false });
    for (const n of [33, 100_000]) {
      const r = interpolate(`pre ${nest(n)}`, env);
      expect(r.error).toEqual({ message: 'interpolation nested more than 32 levels deep', offset: 4 + '${UNSET:-'.length * 32 });
    }
  });

  it('reads .env files with quotes, export and comments', () => {
    const vars = parseDotenv('# c\nexport A=1\nB="two words"\nC=\'$A\'\nD=${A}-x # note\n');
    expect([...vars]).toEqual([['A', '1'], ['B', 'two words'], ['C', '$A'], ['D', '1-x']]);
  });

  it('uses .env from the project directory, overridden by the environment', () => {
    const p = load({ 'compose.yaml': 'services:\n  a:\n    image: "app:${TAG}"\n    user: ${U}\n', '.env': 'TAG=1.2\nU=root\n' }, { env: { U: '1000' } });
    expect(val(get(svc(p, 'a').node, 'image'))).toBe('app:1.2');
    expect(val(get(svc(p, 'a').node, 'user'))).toBe('1000');
  });

  it('reads --env-file files instead of the project .env, later ones winning and using earlier ones, under the environment', () => {
    const files = {
      'compose.yaml': 'services:\n  a:\n    image: "app:${TAG}"\n    user: ${U}\n    container_name: ${NAME}\n    hostname: ${HOST:-none}\n',
      '.env': 'TAG=dev\nHOST=from-dotenv\n',
      'env/base.env': 'TAG=1.0\nNAME=base\n',
      'env/prod.env': 'TAG=2.0\nNAME=${NAME}-prod\nU=root\n',
    };
    const p = load(files, { envFiles: ['env/base.env', 'env/prod.env'], env: { U: '1000' } });
    const a = svc(p, 'a').node;
    expect([get(a, 'image'), get(a, 'container_name'), get(a, 'user'), get(a, 'hostname')].map(val)).toEqual(['app:2.0', 'base-prod', '1000', 'none']);
    // Without --env-file, the project's .env as before.
    expect(val(get(svc(load(files), 'a').node, 'image'))).toBe('app:dev');
  });

  it('marks values that depend on unset variables as unknown', () => {
    const p = load({ 'compose.yaml': 'services:\n  a:\n    image: "app:${TAG}"\n' });
    const n = get(svc(p, 'a').node, 'image')!;
    expect(n.kind === 'scalar' && n.unknown).toBe(true);
  });
});

describe('projects', () => {
  it('merges override files the way docker compose does, keeping each value\'s file', () => {
    const p = load(
      {
        'compose.yaml': 'services:\n  web:\n    image: web:1\n    ports: ["8080:80"]\n    environment:\n      A: "1"\n      B: "2"\n    command: [a, b]\n',
        'compose.override.yaml': 'services:\n  web:\n    ports: ["9090:90"]\n    environment:\n      - B=3\n    command: [c]\n    privileged: true\n',
      },
      { main: ['compose.yaml', 'compose.override.yaml'] },
    );
    const web = svc(p, 'web').node;
    expect(get(web, 'ports')!.kind === 'seq' && (get(web, 'ports') as { items: CNode[] }).items.map(val)).toEqual(['8080:80', '9090:90']);
    expect(val(get(web, 'environment', 'A'))).toBe('1');
    expect(val(get(web, 'environment', 'B'))).toBe('3');
    expect(where(p, get(web, 'environment', 'B')!.origin)).toBe('compose.override.yaml:5:11 3');
    expect((get(web, 'command') as { items: CNode[] }).items.map(val)).toEqual(['c']);
    expect(where(p, get(web, 'privileged')!.origin)).toBe('compose.override.yaml:7:17 true');
    expect(svc(p, 'web').written.map((w) => w.origin.file)).toEqual(['compose.yaml', 'compose.override.yaml']);
  });

  it('honours !reset and !override', () => {
    const p = load(
      {
        'compose.yaml': 'services:\n  web:\n    image: web:1\n    ports: ["8080:80"]\n    dns: [1.1.1.1]\n',
        'o.yaml': 'services:\n  web:\n    ports: !reset []\n    dns: !override [8.8.8.8]\n',
      },
      { main: ['compose.yaml', 'o.yaml'] },
    );
    const web = svc(p, 'web').node;
    expect(get(web, 'ports')).toBeUndefined();
    expect((get(web, 'dns') as { items: CNode[] }).items.map(val)).toEqual(['8.8.8.8']);
  });

  it('resolves extends across files, values keeping the base file position', () => {
    const p = load({
      'compose.yaml': 'services:\n  web:\n    extends:\n      file: common.yaml\n      service: base\n    image: web:2\n',
      'common.yaml': 'services:\n  base:\n    image: web:1\n    privileged: true\n',
    });
    const web = svc(p, 'web').node;
    expect(val(get(web, 'image'))).toBe('web:2');
    expect(where(p, get(web, 'privileged')!.origin)).toBe('common.yaml:4:17 true');
    expect(get(web, 'extends')).toBeUndefined();
  });

  it('resolves extends in the same file and reports cycles and missing services', () => {
    const p = load({ 'compose.yaml': 'services:\n  a:\n    extends: b\n  b:\n    extends: a\n    image: x:1\n  c:\n    extends: nope\n' });
    expect(p.issues.map((i) => i.message)).toEqual(expect.arrayContaining([expect.stringMatching(/cycle/), expect.stringMatching(/"nope" is not defined/)]));
  });

  it('resolves each service of an extends chain once: one issue per problem, chains of any length', () => {
    const p = load({ 'compose.yaml': 'services:\n  a:\n    extends: b\n  b:\n    extends: missing\n    image: x:1\n  c:\n    extends: a\n' });
    expect(p.issues.map((i) => i.message)).toEqual(['extends: service "missing" is not defined']);
    expect(val(get(svc(p, 'c').node, 'image'))).toBe('x:1');
    // 5,000 links, listed base first and base last (a recursive walk would overflow the stack on one of them).
    const links = Array.from({ length: 5000 }, (_, i) => `  s${i + 1}:\n    extends: s${i}\n`);
    for (const order of [links, [...links].reverse()]) {
      const chain = load({ 'compose.yaml': `services:\n  s0:\n    image: root:1\n${order.join('')}` });
      expect(chain.issues).toEqual([]);
      for (const n of ['s1', 's2500', 's5000']) {
        expect(val(get(svc(chain, n).node, 'image'))).toBe('root:1');
        expect(get(svc(chain, n).node, 'extends')).toBeUndefined();
      }
    }
  });

  it('loads include files and keeps their positions', () => {
    const p = load({
      'compose.yaml': 'include:\n  - db/compose.yaml\nservices:\n  web:\n    image: web:1\n',
      'db/compose.yaml': 'services:\n  db:\n    image: postgres\n',
    });
    expect(p.services.map((s) => s.name).sort()).toEqual(['db', 'web']);
    expect(where(p, get(svc(p, 'db').node, 'image')!.origin)).toBe('db/compose.yaml:3:12 postgres');
  });

  it('reads profiles and COMPOSE_PROFILES', () => {
    const p = load({ 'compose.yaml': 'services:\n  dbg:\n    image: x:1\n    profiles: [debug]\n' }, { env: { COMPOSE_PROFILES: 'debug,ops' } });
    expect(svc(p, 'dbg').profiles).toEqual(['debug']);
    expect(p.activeProfiles).toEqual(['debug', 'ops']);
  });

  it('joins services to their Dockerfile (build context + dockerfile + target)', () => {
    const p = load({
      'compose.yaml': 'services:\n  api:\n    build:\n      context: ./api\n      dockerfile: Dockerfile.prod\n      target: runtime\n',
      'api/Dockerfile.prod': 'FROM node:20 AS build\nFROM gcr.io/distroless/nodejs20:nonroot AS runtime\nHEALTHCHECK CMD ["node", "h.js"]\n',
    });
    const api = svc(p, 'api');
    expect(api.build?.dockerfile).toBe(`${ROOT}/api/Dockerfile.prod`);
    expect(api.dockerfile?.stages).toHaveLength(2);
  });

  it('validates against the Compose schema with positions and hints', () => {
    const p = load({ 'compose.yaml': 'services:\n  web:\n    imgae: x:1\n    privileged: [yes]\n    restart: always\nvolumes: []\n' });
    const msgs = p.issues.map((i) => `${where(p, i.origin).split(' ')[0]} ${i.message}`);
    expect(msgs).toEqual([
      'compose.yaml:3:5 unknown key "imgae" in service "web"; did you mean "image"?',
      'compose.yaml:4:17 "privileged" in service "web" must be a boolean or a string, not a list',
      'compose.yaml:6:10 "volumes" at the top level must be a mapping, not a list',
    ]);
  });

  it('explains Compose v1 files in one issue', () => {
    const p = load({ 'compose.yaml': 'web:\n  image: nginx\ndb:\n  image: postgres\n' });
    expect(p.issues).toHaveLength(1);
    expect(p.issues[0].message).toMatch(/file format v1/);
  });
});
