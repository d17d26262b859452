/** Reading plus model building: the one call the CLI, the API and tests use for an image input. */
import { buildImageModel } from './model.js';
import { readImage, type ReadImageOptions } from './read.js';
import type { ImageModel } from './types.js';

export async function loadImage(input: string, opts: ReadImageOptions = {}): Promise<ImageModel> {
  return buildImageModel(await readImage(input, opts));
}
