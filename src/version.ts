/**
 * Versions. `API_VERSION` is what `/health` and the OpenAPI document report; the algorithm
 * versions are part of every cache key, so bumping one invalidates the results it produced.
 *
 * @module
 */
import pkg from '../package.json'

export const API_VERSION: string = pkg.version

export const ALGORITHM_VERSIONS = {
  detect: 'langid-3',
  summarize: 'summarize-3',
  /** The translation pipeline (masking, checks, repair, report) and its cached output shape. */
  translate: 'translate-1',
} as const
