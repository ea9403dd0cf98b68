import type { RouteHandler } from '@hono/zod-openapi'
import type { AppEnv } from '../../http/env'
import { ApiError, PROBLEMS, type ProblemCode, problemSlug } from '../../http/problem'
import type { problemRoute } from './route'

/** What each problem means and what a client should do about it. */
const DESCRIPTIONS: Record<ProblemCode, string> = {
  malformed_json: 'The body could not be parsed as JSON. Check quoting and escapes.',
  malformed_document:
    'A glossary upload could not be read: not UTF-8, not well-formed XML, or a CSV quote never closed. `errors[]` gives the line.',
  incomplete_body:
    'The request body stopped before it was complete (the connection closed or the chunked encoding broke off). Send it again.',
  invalid_request:
    'The body parsed but does not match the schema. `errors[]` lists each field as a JSON pointer with a message.',
  unauthorized:
    'The endpoint needs `Authorization: Bearer <token>` and none or a wrong one was sent.',
  insufficient_scope:
    'The API key is valid but lacks the scope this request needs (named in `detail` and `scope`). Create a key with that scope (`POST /v1/keys`).',
  origin_not_allowed:
    'A publishable key was used from an origin (the `Origin` header) not on its allowlist, or without one. Publishable keys are for the browser origins they list.',
  rate_limited:
    'The caller sent more requests than its rate limit allows (`RateLimit-Policy` gives the quota `q` per window `w` seconds). Retry after `Retry-After` seconds.',
  quota_exceeded:
    'The key’s monthly character quota would be exceeded by this request; nothing was processed. `resetAt` is when the quota resets (start of the next UTC month), `used` and `limit` are in characters.',
  not_found: 'No resource at this path.',
  method_not_allowed: 'The path exists but not with this method; see the `Allow` header.',
  not_acceptable: 'The requested representation is not available.',
  conflict: 'The request conflicts with the state of the resource.',
  precondition_failed: 'The `If-Match` version is not the current one; fetch it again and retry.',
  payload_too_large: 'The body is over the configured limit; it was rejected before parsing.',
  unsupported_media_type: 'Send JSON bodies with `Content-Type: application/json`.',
  unknown_glossary:
    'The `glossary` of the request names no glossary the caller can see (bundled ones and its tenant’s own; another tenant’s look exactly like missing ones); `GET /v1/glossaries` lists them. Send `null` to translate without one.',
  language_not_detected:
    'With `source: "auto"`, a text was too short or too mixed to tell its language; `errors[]` points at it. Send `source` explicitly.',
  no_text:
    'The `text` (sent with `format: "html"` or `"markdown"`) has no readable text once its markup, scripts, navigation and other page furniture are left out; `errors[]` points at it.',
  markdown_too_complex:
    'The `text` (sent with `format: "markdown"`) nests quotes or lists more than 32 deep on one line, or holds more than 256 runs of `*`, `_`, `` ` `` or `[` in one paragraph: shapes the Markdown parser cannot read in time linear in their length. `errors[]` points at the text and the line; split the paragraph or send it as `text`.',
  unsupported_language_pair:
    'The translation engine does not translate from the source into the target. `supportedTargets` lists what it offers for that source; `GET /v1/languages` lists every pair.',
  provider_not_configured:
    'The requested translation `provider` is not set up in this deployment (no `AI` binding or no `DEEPL_API_KEY`). `availableProviders` lists the usable ones.',
  internal_error: 'An unexpected error; the `requestId` identifies it in the logs.',
  configuration_error: 'The service is misconfigured; the operator has to fix its variables.',
  provider_unavailable:
    'The translation engine could not be reached or failed (after one retry). Nothing was translated or cached; try again later or pick another `provider`.',
  provider_bad_response:
    'The translation engine answered with something Précis cannot use (wrong shape or count). Nothing was translated or cached.',
  provider_rate_limited:
    'The translation engine refused the request because of its own rate limit or quota. Retry after the `Retry-After` header.',
  storage_unavailable:
    'Storage the request needs failed or did not answer in time: the glossary store (KV), so a managed glossary could not be read or written; the glossary writer (a Durable Object), so a write was not confirmed (retry with `If-Match`, which cannot overwrite a newer version); or the usage meter, so `/v1/usage` has no figures. Retry after the `Retry-After` header. Bundled glossaries do not depend on any of them.',
  provider_timeout:
    'The translation engine did not answer within the configured deadline (`TRANSLATION_TIMEOUT_MS`, default 10 s, retries included). Nothing was translated or cached; send less text per request or retry.',
}

/** `type` URIs of problem documents resolve here, as RFC 9457 recommends. */
export const problemHandler: RouteHandler<typeof problemRoute, AppEnv> = (c) => {
  const slug = c.req.valid('param').slug
  const code = (Object.keys(PROBLEMS) as ProblemCode[]).find((k) => problemSlug(k) === slug)
  if (!code) throw new ApiError('not_found', `No problem type '${slug}'.`)
  return c.json(
    {
      type: new URL(c.req.url).href,
      code,
      status: PROBLEMS[code].status,
      title: PROBLEMS[code].title,
      description: DESCRIPTIONS[code],
    },
    200
  )
}
