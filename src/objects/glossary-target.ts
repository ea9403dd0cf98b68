/**
 * What {@link GlossaryWriter} writes through: a tenant's glossaries in the `GLOSSARIES` KV
 * namespace, each tenant under its own key prefix.
 *
 * @module
 */

import { createKvGlossaryBackend } from '../adapters/kv-glossary-store'
import { prefixedKv, tenantGlossaryPrefix } from '../adapters/prefixed-kv'
import type { Glossary } from '../glossary/types'

/** Where a tenant's glossaries are read from and written to. */
export interface GlossaryTarget {
  get(id: string): Promise<Pick<Glossary, 'version'> | undefined>
  put(glossary: Glossary): Promise<void>
  delete(id: string): Promise<boolean>
}

/** The KV store of `tenant`'s glossaries. */
export function glossaryTargetFor(env: Pick<Env, 'GLOSSARIES'>, tenant: string): GlossaryTarget {
  return createKvGlossaryBackend(prefixedKv(env.GLOSSARIES, tenantGlossaryPrefix(tenant)))
}
