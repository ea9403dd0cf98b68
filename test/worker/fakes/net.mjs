/**
 * The outbound network of the worker under test (vitest.config.ts: `outboundService`). Every
 * `fetch()` the Worker makes arrives here:
 *
 * - `http://apy.fake` — a fake Apertium APy: `/listPairs` (eng↔spa, eng↔cat), `/translate`
 *   (word by word with a small vocabulary; 400 "That pair is not installed" for other pairs).
 * - `http://apy-slow.fake` — the same, answering only after 3 s.
 * - `http://apy-broken.fake` — always 503 (APy's answer when a pipeline crashed).
 * - `http://apy-lossy.fake` — loses the first placeholder of every request it translates.
 * - `http://apy-garbage.fake` — answers 200 with an HTML page to every call (a proxy error page).
 * - `http://apy-wrongshape.fake` — answers 200 with JSON of the wrong shape to every call.
 * - `http://apy-flaky.fake` — the fake APy, but `/translate` answers 503 to the next N calls after
 *   `POST /__fail?times=N` (an engine down for the first attempts of a job).
 * - `http://hooks.fake` — a webhook receiver: records every POST per path (`GET /__deliveries?path=`
 *   lists them with their headers and raw body); a path `/fail-N/…` answers 500 to its first N.
 * - `https://api-free.deepl.com` — a fake DeepL API v2 (key `test-deepl-key:fx`); with
 *   `tag_handling=html` it translates only the text between tags.
 * - `GET http://<fake host>/__requests` — how many requests that fake host received;
 *   `GET https://api-free.deepl.com/__bodies` — the bodies of the fake DeepL's translate calls.
 * - anything else goes to the real network (the real APy on 127.0.0.1:2737; a closed port for
 *   "engine down").
 */
import { renderWords } from './dictionary.mjs'

const PAIRS = [
  ['eng', 'spa'],
  ['spa', 'eng'],
  ['eng', 'cat'],
  ['cat', 'eng'],
]
const PLACEHOLDER = /\b(?:Zq|Qz|Zx|Xq)[a-z]{2,3}\b/
const requests = new Map()
const DEEPL_KEY = 'test-deepl-key:fx'
/** Bodies of the fake DeepL's translate calls (`GET https://api-free.deepl.com/__bodies`). */
const deeplTranslateBodies = []
let flakyFailures = 0
const deliveries = new Map()

async function hooks(request, url) {
  if (url.pathname === '/__deliveries') {
    return json(deliveries.get(url.searchParams.get('path') ?? '') ?? [])
  }
  const list = deliveries.get(url.pathname) ?? []
  list.push({ headers: Object.fromEntries(request.headers), body: await request.text() })
  deliveries.set(url.pathname, list)
  const failFirst = Number(/^\/fail-(\d+)\//.exec(url.pathname)?.[1] ?? 0)
  return list.length <= failFirst ? json({ error: 'not yet' }, 500) : json({ ok: true })
}

const json = (body, status = 200, headers = {}) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', ...headers },
  })

async function apy(request, url) {
  const host = url.hostname
  // Read the body before any delay: the caller may give up (and close the stream) meanwhile.
  const form =
    request.method === 'POST'
      ? new URLSearchParams(new TextDecoder().decode(await request.arrayBuffer()))
      : url.searchParams
  if (host === 'apy-slow.fake') await new Promise((resolve) => setTimeout(resolve, 3000))
  if (host === 'apy-broken.fake')
    return json({ status: 'error', code: 503, explanation: 'internal error' }, 503)
  if (host === 'apy-garbage.fake') {
    return new Response('<html><body>502 Bad Gateway</body></html>', {
      headers: { 'content-type': 'text/html' },
    })
  }
  if (host === 'apy-flaky.fake' && url.pathname === '/__fail') {
    flakyFailures = Number(url.searchParams.get('times') ?? 0)
    return json({ failing: flakyFailures })
  }
  if (host === 'apy-flaky.fake' && url.pathname === '/translate' && flakyFailures > 0) {
    flakyFailures--
    return json({ status: 'error', code: 503, explanation: 'restarting' }, 503)
  }
  if (host === 'apy-wrongshape.fake') return json({ responseData: [42], responseStatus: 'ok' })
  if (url.pathname === '/listPairs') {
    return json({
      responseData: PAIRS.map(([sourceLanguage, targetLanguage]) => ({
        sourceLanguage,
        targetLanguage,
      })),
      responseDetails: null,
      responseStatus: 200,
    })
  }
  if (url.pathname === '/translate') {
    const [source, target] = (form.get('langpair') ?? '').split('|')
    if (!PAIRS.some(([s, t]) => s === source && t === target)) {
      return json(
        {
          status: 'error',
          code: 400,
          message: 'Bad Request',
          explanation: 'That pair is not installed',
        },
        400
      )
    }
    let text = form.get('q') ?? ''
    if (host === 'apy-lossy.fake') text = text.replace(PLACEHOLDER, '')
    const translated = target === 'spa' ? renderWords(text) : text
    return json({
      responseData: { translatedText: translated },
      responseDetails: null,
      responseStatus: 200,
    })
  }
  return json({ status: 'error', code: 404, explanation: 'Not found' }, 404)
}

async function deepl(request, url) {
  if (request.headers.get('authorization') !== `DeepL-Auth-Key ${DEEPL_KEY}`) {
    return json({ message: 'Wrong endpoint. Use https://api.deepl.com' }, 403)
  }
  if (url.pathname === '/v2/languages') {
    return url.searchParams.get('type') === 'target'
      ? json([{ language: 'ES' }, { language: 'EN-US' }, { language: 'EN-GB' }, { language: 'DE' }])
      : json([{ language: 'EN' }, { language: 'ES' }, { language: 'DE' }])
  }
  if (url.pathname === '/v2/translate' && request.method === 'POST') {
    const body = await request.json()
    deeplTranslateBodies.push(body)
    if (!Array.isArray(body.text) || typeof body.target_lang !== 'string') {
      return json({ message: 'Bad request: text must be an array, target_lang required' }, 400)
    }
    if (!['ES', 'EN-US', 'EN-GB', 'DE'].includes(body.target_lang)) {
      return json({ message: `Value for 'target_lang' not supported.` }, 400)
    }
    if (body.text.some((t) => t.includes('FAKE_DEEPL_QUOTA'))) {
      return json({ message: 'Quota Exceeded' }, 456)
    }
    if (body.tag_handling !== undefined && body.tag_handling !== 'html') {
      return json({ message: `Value for 'tag_handling' not supported.` }, 400)
    }
    // With tag_handling=html only the text between tags is translated; tags pass as they are.
    const render = (t) =>
      body.tag_handling === 'html'
        ? t
            .split(/(<[^>]*>)/)
            .map((part) => (part.startsWith('<') ? part : renderWords(part)))
            .join('')
        : renderWords(t)
    return json({
      translations: body.text.map((t) => ({
        detected_source_language: body.source_lang ?? 'EN',
        text: body.target_lang === 'ES' ? render(t) : t,
      })),
    })
  }
  return json({ message: 'Not found' }, 404)
}

// biome-ignore lint/style/noDefaultExport: workerd loads the default export.
export default {
  async fetch(request) {
    const url = new URL(request.url)
    const host = url.hostname
    const fake = host.endsWith('.fake') || host === 'api-free.deepl.com'
    if (!fake) return fetch(request)
    if (url.pathname === '/__requests') return json({ count: requests.get(host) ?? 0 })
    if (url.pathname === '/__bodies') return json(deeplTranslateBodies)
    requests.set(host, (requests.get(host) ?? 0) + 1)
    if (host === 'hooks.fake') return hooks(request, url)
    return host === 'api-free.deepl.com' ? deepl(request, url) : apy(request, url)
  },
}
