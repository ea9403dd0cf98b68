/**
 * The recorded checksum of the n-gram model (`src/langid/model.generated.ts`). Rebuilding the
 * model needs Tesseract's word lists, which CI does not have, so instead of regenerating it the
 * drift check compares its SHA-256 with the record `npm run build:langid` writes next to it.
 *
 * @module
 */
import { createHash } from 'node:crypto'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')

export const MODEL_PATH = path.join(root, 'src/langid/model.generated.ts')
export const MODEL_CHECKSUM_PATH = path.join(root, 'src/langid/model.generated.sha256')

/** `<sha256>  src/langid/model.generated.ts` (or `file`), the format of `sha256sum`. */
export function checksumRecord(content: Uint8Array, file: string = MODEL_PATH): string {
  const hash = createHash('sha256').update(content).digest('hex')
  return `${hash}  ${path.relative(root, file)}\n`
}
