import type { Dockerfile, Stage } from '../../model/dockerfile/types.js';
import { isDevContainer, isWindowsImage, rootStage, stageChain } from '../helpers/dockerfile.js';
import { defineRule } from '../types.js';

// Language images whose default variant is a full Debian with compilers (hundreds of MB to 1 GB);
// their `-slim` and `-alpine` variants are the runtime-sized ones.
const VARIANT_IMAGES = new Set(['python', 'node', 'ruby', 'perl', 'buildpack-deps', 'erlang', 'elixir', 'pypy']);
// Images that are a build toolchain whatever the tag: build in them, ship something else.
// (A Map: an object would also find `constructor` and other inherited names.)
const TOOLCHAIN_IMAGES = new Map([
  ['golang', 'gcr.io/distroless/static-debian12 or scratch'],
  ['rust', 'gcr.io/distroless/cc-debian12 or debian:12-slim'],
  ['gcc', 'gcr.io/distroless/cc-debian12 or debian:12-slim'],
  ['maven', 'eclipse-temurin:<version>-jre'],
  ['gradle', 'eclipse-temurin:<version>-jre'],
  ['sbt', 'eclipse-temurin:<version>-jre'],
  ['haskell', 'debian:12-slim'],
  ['swift', 'swift:<version>-slim'],
  ['mcr.microsoft.com/dotnet/sdk', 'mcr.microsoft.com/dotnet/aspnet or mcr.microsoft.com/dotnet/runtime'],
]);
// JDK images: the JRE variant is enough to run.
const JDK_IMAGES = new Set(['openjdk', 'eclipse-temurin', 'sapmachine', 'ibm-semeru-runtimes']);
// Small variants; buildpack-deps' `-curl` and `-scm` tiers have no compilers; `nano` is Nano Server.
const SMALL_TAG = /(?:^|[-.])(?:slim|alpine|nano(?:server)?|windowsservercore|curl|scm)(?:\d|[-.]|$)/;
// Build tools that need the JDK's compiler: an image that runs one (the maven image itself) needs a JDK.
const JDK_TOOLS = new Set(['mvn', 'mvnw', 'gradle', 'gradlew', 'sbt', 'ant', 'javac', 'jshell', 'jbang']);
const JDK_TOOL_HOMES = new Set(['MAVEN_HOME', 'GRADLE_HOME', 'SBT_HOME', 'ANT_HOME']);
// Distroless and Debian are Linux only: a Windows toolchain image ships its output on Nano Server.
const WINDOWS_RUNTIME = 'mcr.microsoft.com/windows/nanoserver';

export default defineRule({
  id: 'DF104',
  name: 'full-base-image',
  aliases: [],
  meta: {
    target: 'dockerfile',
    category: 'performance',
    severity: 'info',
    fixable: null,
    status: 'stable',
    docs: {
      summary: 'The final image is based on a full-size language or toolchain image (`python:3.12`, `node:20`, `golang:*`, `openjdk`, ...).',
      why: 'The default tags of the official language images are a complete Debian with compilers, headers and hundreds of packages you never run: images of 1 GB instead of 50 to 150 MB, slower pulls and scaling, and a long list of CVEs to triage. Flags the external base of the final image (the FROM at the root of its stage chain): python, node, ruby, perl, pypy, erlang, elixir and buildpack-deps without a `-slim`/`-alpine` tag, JDK images (openjdk, eclipse-temurin, ...) without `jre` in the tag (unless the image runs or sets up a build tool that needs the compiler: mvn, gradle, sbt, ant), and images that are a toolchain whatever the tag (golang, rust, gcc, maven, gradle, sbt, haskell, swift, dotnet/sdk). The message names the `-slim` tag of the same image, and for buildpack-deps the slim image of the release its tag names (`trixie` -> debian:trixie-slim, `jammy` -> ubuntu:jammy). Build stages that the final image only copies from may use any of these. Variables in the image name are resolved from ARG defaults; unresolvable ones are skipped. Dev containers (a Dockerfile in `.devcontainer/`, one built on a dev container image, or one whose final stage is `dev-envs`, the target of Docker Dev Environments) are skipped: they are environments to develop in, never shipped.',
      bad: 'FROM python:3.12\nWORKDIR /app\nCOPY . .\nCMD ["python", "app.py"]\n',
      good: 'FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nCMD ["python", "app.py"]\n',
    },
    messages: {
      variant: '{{image}} is the full-size variant with compilers and build tools; use {{suggestion}} (or distroless) for the image you ship.',
      toolchain: '{{image}} is a build toolchain; build in it as an earlier stage and COPY --from only the output into {{suggestion}}.',
      jdk: '{{image}} ships a full JDK; run on a JRE image such as eclipse-temurin:<version>-jre (or build a custom runtime with jlink).',
    },
  },
  check({ df, report }) {
    const final = df.stages[df.stages.length - 1];
    if (!final || isDevContainer(df)) return;
    // The external image at the root of the final stage's FROM chain.
    const root = rootStage(df, final);
    const ref = root.ref;
    const image = root.resolvedImage;
    // A bare digest does not say which variant it is.
    if (!ref || !image || (ref.digest && !ref.tag)) return;
    const lower = ref.repository.toLowerCase();
    const repo = lower.startsWith('library/') ? lower.slice(8) : lower;
    const full = ref.registry && ref.registry !== 'docker.io' ? `${ref.registry}/${repo}` : repo;
    const tag = (ref.tag ?? '').toLowerCase();
    const span = root.imageSpan;
    const toolchainTarget = TOOLCHAIN_IMAGES.get(full);
    if (toolchainTarget) {
      report({ messageId: 'toolchain', data: { image, suggestion: isWindowsImage(ref) ? WINDOWS_RUNTIME : toolchainTarget }, span });
    } else if (JDK_IMAGES.has(repo) && !tag.includes('jre') && !runsJdkTool(df, final)) {
      report({ messageId: 'jdk', data: { image }, span });
    } else if (VARIANT_IMAGES.has(full) && !SMALL_TAG.test(tag)) {
      // Keep the name as written (registry, `library/`), change only the tag.
      const name = image.split('@')[0];
      const written = ref.tag ? name.slice(0, name.length - ref.tag.length - 1) : name;
      const suggestion = repo === 'buildpack-deps' ? buildpackDepsBase(tag) : `${written}:${slimTag(repo, tag)}`;
      report({ messageId: 'variant', data: { image, suggestion }, span });
    }
  },
});

// buildpack-deps tags name the Debian or Ubuntu release it is built on.
const DEBIAN_RELEASES = new Set(['jessie', 'stretch', 'buster', 'bullseye', 'bookworm', 'trixie', 'forky', 'sid', 'stable', 'oldstable', 'testing', 'unstable']);
const UBUNTU_RELEASES = new Set(['xenial', 'bionic', 'focal', 'jammy', 'noble', 'oracular', 'plucky', 'questing']);

/** The slim image of the release a buildpack-deps tag is built on: `trixie` -> `debian:trixie-slim`, `jammy` -> `ubuntu:jammy`. */
function buildpackDepsBase(tag: string): string {
  if (DEBIAN_RELEASES.has(tag)) return `debian:${tag}-slim`;
  if (UBUNTU_RELEASES.has(tag)) return `ubuntu:${tag}`;
  return 'debian:12-slim';
}

/** `3.12` -> `3.12-slim`, `3.12-bookworm` -> `3.12-slim-bookworm` (node: `20-bookworm-slim`), no tag -> `slim`. */
function slimTag(repo: string, tag: string): string {
  if (!tag || tag === 'latest') return 'slim';
  const m = /^(.*?)-(bookworm|bullseye|buster|trixie)$/.exec(tag);
  if (!m) return `${tag}-slim`;
  return repo === 'node' ? `${tag}-slim` : `${m[1]}-slim-${m[2]}`;
}

/** Does the final image start a JDK build tool (`CMD ["mvn"]`), or set one up (MAVEN_HOME, ...)? */
function runsJdkTool(df: Dockerfile, final: Stage): boolean {
  let program: string | undefined;
  for (const stage of stageChain(df, final)) {
    for (const i of stage.instructions) {
      if (i.keyword === 'ENV' && i.pairs.some((p) => JDK_TOOL_HOMES.has(p.key))) return true;
      if (i.keyword === 'ENTRYPOINT' || i.keyword === 'CMD') program = (i.json ? i.json.values[0] : i.words[0]?.value) ?? program;
    }
  }
  return program !== undefined && JDK_TOOLS.has(program.slice(program.lastIndexOf('/') + 1));
}
