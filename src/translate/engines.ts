/**
 * The names of the translation engines the API knows. Pure data: the engines themselves do I/O
 * and live in `src/adapters/engines/`.
 *
 * @module
 */

/** Every provider name the API accepts. */
export const PROVIDER_NAMES = ['apertium', 'workers-ai', 'deepl'] as const
export type ProviderName = (typeof PROVIDER_NAMES)[number]

/** `true` for a name in {@link PROVIDER_NAMES}. */
export function isProviderName(name: string): name is ProviderName {
  return (PROVIDER_NAMES as readonly string[]).includes(name)
}
