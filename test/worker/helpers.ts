import { exports } from 'cloudflare:workers'

/** Calls the Worker's default export, as a client would. */
export function call(path: string, init?: RequestInit): Promise<Response> {
  return exports.default.fetch(new Request(`https://api.test${path}`, init))
}

/** POSTs a JSON body. */
export function postJson(
  path: string,
  body: unknown,
  headers: Record<string, string> = {}
): Promise<Response> {
  return call(path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  })
}

/** Parses a response body and includes it in the failure message when the status is unexpected. */
export async function expectStatus(res: Response, status: number): Promise<unknown> {
  const text = await res.text()
  if (res.status !== status) {
    throw new Error(`expected ${status}, got ${res.status}: ${text.slice(0, 800)}`)
  }
  return text === '' ? undefined : JSON.parse(text)
}
