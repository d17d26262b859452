/** A JSON-friendly digest of an image model for reports: layers, economics, runtime config. */
import type { ImageModel, InefficientPath, Platform, SizedPath } from './types.js';

export interface ImageLayerSummary {
  index: number;
  id: string;
  size: number;
  compressedSize: number;
  compression: string;
  entries: number;
  base: boolean;
  createdBy?: string;
}

export interface ImageSummary {
  name: string;
  source: string;
  format: string;
  platform: string;
  /** Other platforms the index offers (choose one with --platform). */
  otherPlatforms: string[];
  repoTags: string[];
  layers: ImageLayerSummary[];
  baseLayerCount: number;
  economics: {
    totalBytes: number;
    finalBytes: number;
    baseBytes: number;
    userBytes: number;
    reclaimableBytes: number;
    diveWastedBytes: number;
    efficiency: number;
    diveEfficiency: number;
    userWastedPercent: number;
    inefficientPaths: InefficientPath[];
    largestFiles: SizedPath[];
    largestDirs: SizedPath[];
  };
  config: { user: string; entrypoint: string[] | null; cmd: string[] | null; healthcheck: string[] | null; exposedPorts: string[]; workingDir: string };
}

/** How many entries of each list a summary keeps. */
const TOP = 20;

export function platformString(p: Platform): string {
  return `${p.os}/${p.architecture}${p.variant ? `/${p.variant}` : ''}`;
}

export function summarizeImage(model: ImageModel): ImageSummary {
  const e = model.economics;
  const current = platformString(model.platform);
  return {
    name: model.name,
    source: model.source,
    format: model.format,
    platform: current,
    otherPlatforms: [...new Set(model.platforms.map(platformString))].filter((p) => p !== current),
    repoTags: [...model.repoTags],
    layers: model.layers.map((l) => ({
      index: l.index,
      id: l.id,
      size: l.size,
      compressedSize: l.compressedSize,
      compression: l.compression,
      entries: l.entryCount,
      base: l.base,
      ...(l.history ? { createdBy: l.history.createdBy } : {}),
    })),
    baseLayerCount: model.baseLayerCount,
    economics: {
      totalBytes: e.totalBytes,
      finalBytes: e.finalBytes,
      baseBytes: e.baseBytes,
      userBytes: e.userBytes,
      reclaimableBytes: e.reclaimableBytes,
      diveWastedBytes: e.diveWastedBytes,
      efficiency: round(e.efficiency),
      diveEfficiency: round(e.diveEfficiency),
      userWastedPercent: round(e.userWastedPercent),
      inefficientPaths: e.inefficientPaths.slice(0, TOP),
      largestFiles: e.largestFiles.slice(0, TOP),
      largestDirs: e.largestDirs.slice(0, TOP),
    },
    config: {
      user: model.config.user,
      entrypoint: model.config.entrypoint,
      cmd: model.config.cmd,
      healthcheck: model.config.healthcheck?.test ?? null,
      exposedPorts: model.config.exposedPorts,
      workingDir: model.config.workingDir,
    },
  };
}

function round(n: number): number {
  return Math.round(n * 10000) / 10000;
}

/** `1.5 MB` style sizes (decimal units, like docker and dive print them). */
export function formatBytes(n: number): string {
  if (n < 1000) return `${n} B`;
  const units = ['kB', 'MB', 'GB', 'TB'];
  let v = n;
  let i = -1;
  do {
    v /= 1000;
    i++;
  } while (v >= 1000 && i < units.length - 1);
  return `${v >= 100 ? v.toFixed(0) : v.toFixed(1)} ${units[i]}`;
}

/** Parses `20MB`, `1.5 GiB`, `500k`, `1048576` into bytes; undefined when it is not a size. */
export function parseBytes(s: string): number | undefined {
  const m = /^\s*(\d+(?:\.\d+)?)\s*([kmgt]?)(i?)b?\s*$/i.exec(s);
  if (!m) return undefined;
  const power = ' kmgt'.indexOf(m[2].toLowerCase() || ' ');
  const base = m[3] ? 1024 : 1000;
  return Math.round(Number(m[1]) * base ** power);
}
