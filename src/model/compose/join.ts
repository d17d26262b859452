/**
 * What a service's image does by itself, read from its Dockerfile (the `build.target` stage, else the
 * final stage, following FROM <stage> chains): user, healthcheck, exposed ports, stop signal.
 * Compose settings override these; rules ask the service first and fall back to these facts.
 */
import type { Dockerfile, Instruction, Stage } from '../dockerfile/types.js';
import { imageRunsAsRoot, parseImageName } from './images.js';
import { isRootUser } from '../user.js';

export interface DockerfileFacts {
  /** The USER in effect (expanded), null when no USER is set in the chain, undefined when unknown (variables). */
  user: string | null | undefined;
  userInstr: Instruction | null;
  /** The external base image the chain starts from. */
  baseImage: string | null;
  healthcheck: 'set' | 'disabled' | 'none';
  exposed: string[];
  stopSignal: string | null;
  /** Does the container run as root: true, false or undefined (cannot tell). */
  runsAsRoot: boolean | undefined;
}

export function stageChain(df: Dockerfile, target: string | null): Stage[] {
  let stage = target ? df.stages.find((s) => s.alias === target.toLowerCase()) : df.stages[df.stages.length - 1];
  if (!stage) stage = df.stages[df.stages.length - 1];
  const chain: Stage[] = [];
  for (let s: Stage | undefined = stage; s && !chain.includes(s); s = s.parentStage !== null ? df.stages[s.parentStage] : undefined) chain.push(s);
  return chain; // the target first, its ancestors after
}

const cache = new WeakMap<Dockerfile, Map<string, DockerfileFacts>>();

export function dockerfileFacts(df: Dockerfile, target: string | null): DockerfileFacts {
  const key = target ?? '';
  let m = cache.get(df);
  if (!m) cache.set(df, (m = new Map()));
  const hit = m.get(key);
  if (hit) return hit;
  const chain = stageChain(df, target);
  let userInstr: Instruction | null = null;
  let health: Instruction | null = null;
  let stop: Instruction | null = null;
  const exposed: string[] = [];
  // Walk from the oldest ancestor to the target so later instructions win.
  for (const s of [...chain].reverse()) {
    for (const i of s.instructions) {
      if (i.keyword === 'USER' && i.words.length) userInstr = i;
      else if (i.keyword === 'HEALTHCHECK') health = i;
      else if (i.keyword === 'STOPSIGNAL' && i.words.length) stop = i;
      else if (i.keyword === 'EXPOSE') for (const w of i.words) exposed.push(df.expand(i, w.value) ?? w.value);
    }
  }
  let user: string | null | undefined = null;
  if (userInstr) {
    const v = df.expand(userInstr, userInstr.words[0].value);
    user = v === null ? undefined : v;
  }
  const root = chain[chain.length - 1];
  const baseImage = root ? root.resolvedImage ?? null : null;
  let runsAsRoot: boolean | undefined;
  if (user === undefined) runsAsRoot = undefined;
  else if (user !== null) runsAsRoot = isRootUser(user);
  else if (!root) runsAsRoot = undefined;
  else if (baseImage === null) runsAsRoot = undefined;
  else if (baseImage.toLowerCase() === 'scratch') runsAsRoot = true;
  else {
    const known = imageRunsAsRoot(parseImageName(baseImage));
    runsAsRoot = known === false ? false : true; // most base images run as root unless known otherwise
  }
  const hc = health ? (health.words[0]?.value.toUpperCase() === 'NONE' ? 'disabled' : 'set') : 'none';
  const facts: DockerfileFacts = {
    user,
    userInstr,
    baseImage,
    healthcheck: hc,
    exposed,
    stopSignal: stop ? df.expand(stop, stop.words[0].value) : null,
    runsAsRoot,
  };
  m.set(key, facts);
  return facts;
}

