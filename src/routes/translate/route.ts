/**
 * `POST /v1/translate`: glossary enforced, terminology report per text, cached per text (see
 * `src/usecases/translate.ts`). The response gets a strong ETag (304 on `If-None-Match`), and
 * `X-Cache` says HIT, MISS or PARTIAL.
 *
 * @module
 */
import { createRoute } from '@hono/zod-openapi'
import { requireScope } from '../../http/access'
import { problemResponses, problemSpec } from '../../http/openapi'
import { TranslateRequestSchema, TranslateResponseSchema, translateHeaders } from './schemas'

export const translateRoute = createRoute({
  method: 'post',
  path: '/v1/translate',
  operationId: 'translate',
  tags: ['Translation'],
  summary: 'Translate with the glossary enforced and a terminology report per text',
  security: [{ apiKey: [] }],
  middleware: [requireScope('translate', 'translate')] as const,
  description:
    'Invariable glossary terms (names, organisations, `dnt`) are protected during translation and restored in the target form; inflecting terms are translated, then verified and repaired where possible. The report is computed from the output. With `format: "html"` or `"markdown"` the markup comes back byte for byte and only its text is translated (inline tags protected by placeholders, `translate="no"` / `notranslate` and code untouched). A batch is all or nothing: on any engine failure the answer is a problem and nothing is cached.',
  request: {
    body: { required: true, content: { 'application/json': { schema: TranslateRequestSchema } } },
  },
  responses: {
    200: {
      description: 'One translation per text, in input order.',
      headers: translateHeaders,
      content: { 'application/json': { schema: TranslateResponseSchema } },
    },
    304: { description: 'Not modified (If-None-Match matched).' },
    ...problemResponses,
    404: problemSpec(
      '`unknown_glossary` (`#/glossary`): no such glossary among the bundled ones and the caller’s tenant’s own.'
    ),
    422: problemSpec(
      '`invalid_request` (schema, or readable text of markup over the limits; `errors` names each field), `no_text` (`#/text` or `#/text/{i}`: markup without readable text), `markdown_too_complex` (Markdown nested or delimited too densely to parse in linear time), `language_not_detected`, `unsupported_language_pair` (with `supportedTargets`) or `provider_not_configured` (with `availableProviders`).'
    ),
    502: problemSpec(
      '`provider_unavailable` (engine unreachable or failing, after one retry) or `provider_bad_response`.'
    ),
    503: problemSpec('`provider_rate_limited`: the engine’s own limit; see `Retry-After`.'),
    504: problemSpec('`provider_timeout`: no answer within `TRANSLATION_TIMEOUT_MS`.'),
  },
})
