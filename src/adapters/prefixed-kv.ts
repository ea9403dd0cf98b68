/**
 * A view of a KV namespace under a key prefix: how each tenant gets its own namespace of
 * glossary ids in one `GLOSSARIES` namespace without the glossary store knowing about tenants.
 *
 * Every key read, written, deleted or listed through the view is `prefix + key`, and listed
 * names come back without the prefix, so a store built on the view cannot name a key outside
 * it: isolation by construction rather than by a check each route must remember.
 *
 * @module
 */
import type { GlossaryKvNamespace } from './kv-glossary-store'

/** The KV prefix of a tenant's glossaries; the operator's `default` tenant keeps the bare keys. */
export function tenantGlossaryPrefix(tenant: string): string {
  return tenant === 'default' ? '' : `t:${tenant}:`
}

/**
 * `kv` seen through `prefix`.
 *
 * @example
 * createKvGlossaryBackend(prefixedKv(env.GLOSSARIES, tenantGlossaryPrefix('acme')))
 */
export function prefixedKv(kv: GlossaryKvNamespace, prefix: string): GlossaryKvNamespace {
  if (prefix === '') return kv
  return {
    get: (key, type) => kv.get(prefix + key, type),
    put: (key, value, options) => kv.put(prefix + key, value, options),
    delete: (key) => kv.delete(prefix + key),
    async list(options) {
      const page = await kv.list({ ...options, prefix: prefix + options.prefix })
      return {
        ...page,
        keys: page.keys.map((k) => ({ ...k, name: k.name.slice(prefix.length) })),
      }
    },
  }
}
