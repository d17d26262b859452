// Dev containers (https://containers.dev): environments to develop in, never shipped, so the rules
// about running in production (hardening, health checks, what the shipped image holds) skip them.

const DEVCONTAINER_PATH = /(?:^|[\\/])\.devcontainer[\\/]/;

/** Is the file in a `.devcontainer/` directory? */
export function isDevContainerPath(path: string): boolean {
  return DEVCONTAINER_PATH.test(path);
}
