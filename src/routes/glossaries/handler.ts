import type { RouteHandler } from '@hono/zod-openapi'
import { formatFromMediaType, GLOSSARY_MEDIA_TYPES } from '../../glossary/io'
import type { Glossary } from '../../glossary/types'
import type { AppEnv } from '../../http/env'
import {
  checkGlossaryTerms,
  deleteGlossary,
  exportGlossaryAs,
  type GlossaryOutputFormat,
  listGlossaries,
  listingOf,
  putGlossary,
  suggestGlossaryTerms,
} from '../../usecases/glossaries'
import type { candidatesRoute } from './candidates-route'
import type { checkRoute } from './check-route'
import type { deleteRoute, getRoute, listRoute, putRoute } from './route'

/**
 * `"<version>"` for JSON, `"<version>-<format>"` for exports (`-deepl-<source>-<target>` for a
 * DeepL entry list): one strong tag per representation.
 */
function etagOf(glossary: Glossary, format: GlossaryOutputFormat | 'json', pair = ''): string {
  return format === 'json' ? `"${glossary.version}"` : `"${glossary.version}-${format}${pair}"`
}

export const listHandler: RouteHandler<typeof listRoute, AppEnv> = async (c) => {
  const glossaries = await listGlossaries(c.var.services)
  return c.json({ glossaries }, 200, { 'Cache-Control': 'no-cache' })
}

export const getHandler: RouteHandler<typeof getRoute, AppEnv> = async (c) => {
  const { id } = c.req.valid('param')
  const { format, source, target } = c.req.valid('query')
  const exported = await exportGlossaryAs(c.var.services, id, format, { source, target })
  const pair = format === 'deepl' ? `-${source}-${target}` : ''
  const etag = etagOf(exported.glossary, format, pair)
  const headers = { ETag: etag, 'Cache-Control': 'no-cache' }
  if (exported.text === undefined) return c.json(exported.body, 200, headers)
  const deepl = format === 'deepl'
  const extension = deepl ? 'tsv' : format.startsWith('tbx') ? 'tbx' : format
  return c.body(exported.text, 200, {
    ...headers,
    'Content-Type': deepl ? GLOSSARY_MEDIA_TYPES.tsv : GLOSSARY_MEDIA_TYPES[format],
    'Content-Disposition': `inline; filename="${exported.glossary.id}${deepl ? `.${source}-${target}` : format.startsWith('tbx-') ? `.${format.slice(4)}` : ''}.${extension}"`,
  })
}

export const putHandler: RouteHandler<typeof putRoute, AppEnv> = async (c) => {
  const { id } = c.req.valid('param')
  const { format: layout, source, target } = c.req.valid('query')
  const { created, glossary, warnings } = await putGlossary(c.var.services, {
    id,
    format: formatFromMediaType(c.req.header('Content-Type')),
    layout,
    source,
    target,
    bytes: new Uint8Array(await c.req.arrayBuffer()),
    ifMatch: c.req.header('If-Match'),
    ifNoneMatch: c.req.header('If-None-Match'),
  })
  const etag = etagOf(glossary, 'json')
  const body = {
    ...listingOf(glossary, 'api'),
    ...(warnings.length > 0 ? { warnings: [...warnings] } : {}),
  }
  if (created) {
    return c.json(body, 201, {
      ETag: etag,
      Location: `/v1/glossaries/${id}`,
    })
  }
  return c.json(body, 200, { ETag: etag })
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

export const candidatesHandler: RouteHandler<typeof candidatesRoute, AppEnv> = async (c) => {
  const { id } = c.req.valid('param')
  const { format } = c.req.valid('query')
  const body = c.req.valid('json')
  const texts = body.texts ?? (body.text !== undefined ? [body.text] : [])
  const { result, tsv } = await suggestGlossaryTerms(c.var.services, id, {
    texts,
    language: body.language,
    offsetUnit: body.offsetUnit,
  })
  if (format === 'tsv') {
    return c.body(tsv, 200, { 'Content-Type': GLOSSARY_MEDIA_TYPES.tsv })
  }
  return c.json(
    {
      ...result,
      candidates: result.candidates.map((cand) => ({
        ...cand,
        texts: [...cand.texts],
        example: { ...cand.example },
      })),
      groups: result.groups.map((g) => ({ ...g, terms: [...g.terms], texts: [...g.texts] })),
    },
    200
  )
}
