/**
 * `buildImageModel`: the second half of reading an image. The reader hands over the layer
 * summaries and the raw config; this stacks them into the merged filesystem and works out the
 * layer economics. Nothing here touches the disk or the network.
 */
import { parseImageConfig } from './config.js';
import { EconomicsRecorder, baseLayerCountFromHistory, computeEconomics, pairHistory } from './economics.js';
import { stackLayers } from './overlay.js';
import type { ImageLayer, ImageModel, LayerSummary, RawImage, RemovedContent } from './types.js';

/** `sha256:5f70bf18a0860...` -> `sha256:5f70bf18a086`; falls back to the blob name. */
export function shortLayerId(summary: LayerSummary, diffId: string | undefined): string {
  const id = diffId ?? summary.digest;
  if (!id) return summary.blob;
  const colon = id.indexOf(':');
  return colon >= 0 ? id.slice(0, colon + 1 + 12) : id.slice(0, 12);
}

export function buildImageModel(raw: RawImage): ImageModel {
  const parsed = parseImageConfig(raw.configJson, raw.configDigest ? `${raw.source} (config ${raw.configDigest})` : raw.source);
  const layerCount = raw.layers.length;
  const recorder = new EconomicsRecorder();
  const { files, contents } = stackLayers(raw.layers, recorder);
  const baseLayerCount = baseLayerCountFromHistory(parsed.history, layerCount);
  const made = pairHistory(parsed.history, layerCount);

  const layers: ImageLayer[] = raw.layers.map((summary, index) => {
    const diffId = summary.diffId ?? parsed.diffIds[index];
    const layer: ImageLayer = {
      index,
      id: shortLayerId(summary, diffId),
      blob: summary.blob,
      compression: summary.compression,
      compressedSize: summary.compressedSize,
      size: recorder.layerBytes[index] ?? 0,
      entryCount: summary.entries.length,
      base: index < baseLayerCount,
    };
    if (summary.digest) layer.digest = summary.digest;
    if (diffId) layer.diffId = diffId;
    if (made[index]) layer.history = made[index];
    return layer;
  });

  // Captured bytes the final view hides still ship in their layer's blob.
  const removedContents: RemovedContent[] = [];
  raw.layers.forEach((summary, layer) => {
    for (const [path, content] of summary.contents) if (contents.get(path) !== content) removedContents.push({ path, layer, content });
  });

  const model: ImageModel = {
    name: raw.name,
    source: raw.source,
    format: raw.format,
    repoTags: raw.repoTags,
    platform: raw.platform,
    platforms: raw.platforms,
    config: parsed.config,
    history: parsed.history,
    layers,
    baseLayerCount,
    files,
    contents,
    removedContents,
    economics: computeEconomics({ recorder, files, layerCount, baseLayerCount }),
  };
  if (raw.configDigest) model.configDigest = raw.configDigest;
  if (parsed.created) model.created = parsed.created;
  return model;
}
