import { createHmac } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { newWebhookSecret, webhookHeaders } from './webhook'

/**
 * A verifier written from the Standard Webhooks specification with Node's own crypto (not the
 * code under test): the key is the base64 after `whsec_`, the signed content
 * `{id}.{timestamp}.{body}`, and the header a space-separated list of `v1,{base64}`.
 */
function verify(secret: string, headers: Record<string, string>, body: string): boolean {
  const key = Buffer.from(secret.replace(/^whsec_/, ''), 'base64')
  const expected = createHmac('sha256', key)
    .update(`${headers['webhook-id']}.${headers['webhook-timestamp']}.${body}`)
    .digest('base64')
  return (headers['webhook-signature'] ?? '').split(' ').some((entry) => entry === `v1,${expected}`)
}

describe('webhookHeaders', () => {
  it('signs per Standard Webhooks', async () => {
    const secret = newWebhookSecret()
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/)
    const body = JSON.stringify({ id: 'job_1', status: 'succeeded', note: 'Ünïcödé' })
    const headers = await webhookHeaders(secret, 'msg_job_1', 1_700_000_000, body)
    expect(headers['webhook-id']).toBe('msg_job_1')
    expect(headers['webhook-timestamp']).toBe('1700000000')
    expect(verify(secret, headers, body)).toBe(true)
    expect(verify(secret, headers, body.replace('succeeded', 'failed'))).toBe(false)
    expect(verify(newWebhookSecret(), headers, body)).toBe(false)
    expect(verify(secret, { ...headers, 'webhook-timestamp': '1700000001' }, body)).toBe(false)
  })

  it('matches a signature computed independently for a fixed secret', async () => {
    // A fixed secret and message; Node's HMAC is the independent side.
    const secret = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw'
    const headers = await webhookHeaders(
      secret,
      'msg_p5jXN8AQM9LWM0D4loKWxJek',
      1614265330,
      '{"test": 2432232314}'
    )
    const key = Buffer.from('MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw', 'base64')
    const expected = createHmac('sha256', key)
      .update('msg_p5jXN8AQM9LWM0D4loKWxJek.1614265330.{"test": 2432232314}')
      .digest('base64')
    expect(headers['webhook-signature']).toBe(`v1,${expected}`)
  })

  it('refuses a secret without the whsec_ prefix', async () => {
    await expect(webhookHeaders('plain', 'id', 1, '')).rejects.toThrow()
  })
})
