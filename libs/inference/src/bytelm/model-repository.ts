import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { InferenceError } from '../errors';
import { buildBytelmModel } from './bytelm-builder';
import { BYTELM, BYTELM_SHA256 } from './bytelm-spec';

/** The git-ignored model repository of this checkout (Triton layout): `<workspace>/.cache/models`. */
export const DEFAULT_MODEL_REPOSITORY = resolve(__dirname, '..', '..', '..', '..', '.cache', 'models');

/** `<repository>/<model>/<version>/model.onnx`, the layout Triton's onnxruntime backend reads. */
export function modelFilePath(
  repository: string,
  modelName: string = BYTELM.modelName,
  version: string = BYTELM.modelVersion,
): string {
  return join(repository, modelName, version, 'model.onnx');
}

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/**
 * Returns the synthetic model's bytes from `repository`, generating the file on first use (atomic rename, so
 * concurrent workers never read a half-written file). The bytes must hash to BYTELM_SHA256: a stale or altered file
 * is refused rather than silently served, since validators reproduce answers from the same model.
 */
export async function ensureBytelmModel(repository: string = DEFAULT_MODEL_REPOSITORY): Promise<Uint8Array> {
  const file = modelFilePath(repository);
  let bytes: Uint8Array;
  try {
    bytes = await readFile(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
      throw error;
    }
    bytes = buildBytelmModel();
    await mkdir(dirname(file), { recursive: true });
    const partial = `${file}.${process.pid}.partial`;
    await writeFile(partial, bytes);
    await rename(partial, file);
  }
  const digest = sha256Hex(bytes);
  if (digest !== BYTELM_SHA256) {
    throw new InferenceError(
      'TAONODE_INFERENCE_MODEL_DIGEST_MISMATCH',
      `${file} has sha256 ${digest}, not the expected ${BYTELM_SHA256}; delete it to regenerate`,
    );
  }
  return bytes;
}
