import type { RouteHandler } from '@hono/zod-openapi'
import { formatFromMediaType, GLOSSARY_MEDIA_TYPES, type GlossaryFormat } from '../../glossary/io'
import type { Glossary } from '../../glossary/types'
import type { AppEnv } from '../../http/env'
import {
  checkGlossaryTerms,
  deleteGlossary,
  exportGlossaryAs,
  listGlossaries,
  listingOf,
  putGlossary,
} from '../../usecases/glossaries'
import type { checkRoute, deleteRoute, getRoute, listRoute, putRoute } from './route'

/** `"<version>"` for JSON, `"<version>-<format>"` for exports: one strong tag per representation. */
function etagOf(glossary: Glossary, format: GlossaryFormat): string {
  return format === 'json' ? `"${glossary.version}"` : `"${glossary.version}-${format}"`
}

export const listHandler: RouteHandler<typeof listRoute, AppEnv> = async (c) => {
  const glossaries = await listGlossaries(c.var.services)
  return c.json({ glossaries }, 200, { 'Cache-Control': 'no-cache' })
}

export const getHandler: RouteHandler<typeof getRoute, AppEnv> = async (c) => {
  const { id } = c.req.valid('param')
  const { format } = c.req.valid('query')
  const exported = await exportGlossaryAs(c.var.services, id, format)
  const etag = etagOf(exported.glossary, format)
  const headers = { ETag: etag, 'Cache-Control': 'no-cache' }
  if (exported.text === undefined) return c.json(exported.body, 200, headers)
  return c.body(exported.text, 200, {
    ...headers,
    'Content-Type': GLOSSARY_MEDIA_TYPES[format],
    'Content-Disposition': `inline; filename="${exported.glossary.id}.${format}"`,
  })
}

export const putHandler: RouteHandler<typeof putRoute, AppEnv> = async (c) => {
  const { id } = c.req.valid('param')
  const { created, glossary } = await putGlossary(c.var.services, {
    id,
    format: formatFromMediaType(c.req.header('Content-Type')),
    bytes: new Uint8Array(await c.req.arrayBuffer()),
    ifMatch: c.req.header('If-Match'),
  })
  const etag = etagOf(glossary, 'json')
  if (created) {
    return c.json(listingOf(glossary, 'api'), 201, {
      ETag: etag,
      Location: `/v1/glossaries/${id}`,
    })
  }
  return c.json(listingOf(glossary, 'api'), 200, { ETag: etag })
}

export const deleteHandler: RouteHandler<typeof deleteRoute, AppEnv> = async (c) => {
  const { id } = c.req.valid('param')
  await deleteGlossary(c.var.services, id, c.req.header('If-Match'))
  return c.body(null, 204)
}

export const checkHandler: RouteHandler<typeof checkRoute, AppEnv> = async (c) => {
  const { id } = c.req.valid('param')
  const body = c.req.valid('json')
  return c.json(await checkGlossaryTerms(c.var.services, id, body), 200)
}
