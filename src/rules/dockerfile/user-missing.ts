import type { Stage } from '../../model/dockerfile/types.js';
import { imageRunsAsRoot, parseImageName } from '../../model/compose/images.js';
import { isDevContainer, isWindowsImage } from '../helpers/dockerfile.js';
import { defineRule } from '../types.js';

/**
 * Base images that already run as an unprivileged user (on top of what the Compose image table knows).
 * Each regex runs only once a cheap substring test has matched: this is asked for nearly every Dockerfile.
 */
function knownNonRoot(image: string): boolean {
  const img = parseImageName(image);
  const tag = img.tag ?? '';
  if (tag.includes('nonroot') && /(?:^|[-_.])nonroot(?:[-_.]|$)/.test(tag)) return true;
  if (img.name.endsWith('-nonroot') || img.name.endsWith('-unprivileged') || img.name.endsWith('-rootless')) return true;
  // Chainguard images default to UID 65532; .NET chiseled images and Windows nanoserver to an unprivileged user.
  if (img.registry === 'cgr.dev') return true;
  if (tag.includes('chiseled') && /(?:^|-)chiseled(?:-|$)/.test(tag)) return true;
  if (img.repository.includes('nanoserver') && /(?:^|\/)(?:windows\/)?nanoserver/.test(img.repository)) return true;
  // The nanoserver variants of other images (`mcr.microsoft.com/dotnet/runtime:8.0-nanoserver-ltsc2022`).
  if (tag.includes('nanoserver') && /(?:^|[-.])nanoserver(?:[-.]|$)/.test(tag)) return true;
  return imageRunsAsRoot(img) === false;
}

export default defineRule({
  id: 'DF100',
  name: 'user-missing',
  aliases: [],
  meta: {
    target: 'dockerfile',
    category: 'security',
    severity: 'warning',
    fixable: null,
    status: 'stable',
    docs: {
      summary: 'The image you ship never sets USER, so the container runs as root.',
      why: 'Without a USER instruction the container\'s main process runs as root (UID 0). Any flaw in the application then gives an attacker root inside the container, with write access to the whole filesystem and one kernel bug away from the host. Create an unprivileged user and switch to it with USER at the end of the final stage. Flags the final stage when neither it nor the stages it builds FROM set USER. Skips base images known to run unprivileged (distroless `:nonroot` tags, `*-nonroot`/`*-unprivileged`/`*-rootless` images, Chainguard, Bitnami, .NET chiseled, Windows nanoserver, dev container images (their user is chosen by devcontainer.json), and images that drop privileges themselves such as postgres or redis). `FROM scratch` still runs as UID 0, so it is flagged too (use a numeric USER, since scratch has no /etc/passwd), except when the final scratch stage has no CMD/ENTRYPOINT: that is an artifact export stage (`docker build --output`), not something that runs. A USER set by a base image from a registry is invisible here; restate it to make the Dockerfile say who it runs as. On Windows images the account is ContainerAdministrator, and the unprivileged one ContainerUser. root-user (DF005) reports an explicit `USER root`. Dev containers (a Dockerfile in `.devcontainer/`, or one built on a dev container image) are skipped: they are environments to develop in, never shipped.',
      bad: 'FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nCMD ["python", "app.py"]\n',
      good: 'FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nRUN useradd --uid 10001 --no-create-home app\nUSER 10001\nCMD ["python", "app.py"]\n',
    },
    messages: {
      missing: 'No USER is set in the final image, so it runs as root; create an unprivileged user and add USER <uid> at the end of the final stage.',
      scratch: 'No USER is set in this scratch image, so it runs as UID 0; add a numeric USER (e.g. USER 65534:65534), since scratch has no /etc/passwd.',
      windows: 'No USER is set in the final image, so it runs as ContainerAdministrator; add USER ContainerUser (or another unprivileged account) at the end of the final stage.',
    },
  },
  check({ df, report }) {
    const final = df.stages[df.stages.length - 1];
    if (!final || isDevContainer(df)) return;
    let root: Stage = final;
    let runs = false;
    // Up the FROM chain; a stage can only build FROM an earlier one, so following lower indexes always ends.
    for (let s: Stage | undefined = final; s; s = s.parentStage !== null && s.parentStage < s.index ? df.stages[s.parentStage] : undefined) {
      root = s;
      for (const i of s.instructions) {
        if (i.keyword === 'USER' && i.words.length > 0) return;
        if (i.keyword === 'CMD' || i.keyword === 'ENTRYPOINT') runs = true;
      }
    }
    // A variable tag (`base:${VARIANT}`) leaves the repository known, and that is what decides here.
    const image = root.resolvedImage ?? root.image;
    const scratch = image?.toLowerCase() === 'scratch';
    if (scratch && !runs) return;
    if (image && !scratch && knownNonRoot(image)) return;
    const end = final.aliasSpan ? final.aliasSpan.end : final.imageSpan.end;
    report({ messageId: scratch ? 'scratch' : isWindowsImage(root.ref) ? 'windows' : 'missing', span: { start: final.from.keywordSpan.start, end } });
  },
});
