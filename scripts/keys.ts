/**
 * `npm run keys -- <command>` — manages API keys through a running Précis's admin API.
 *
 *   create --tenant acme --scopes summarize,detect [--name "CMS plugin"] [--kind publishable]
 *          [--origins https://cms.acme.test,…] [--rate 5/60] [--monthly-characters 1000000]
 *   list [--tenant acme]
 *   revoke <key id>
 *
 * The server is `PRECIS_URL` (default http://127.0.0.1:8787, `npm run dev`) and the operator's
 * token `ADMIN_TOKEN`, each from the environment or else from `.dev.vars`. `create` prints the
 * key once: the server keeps only its hash.
 */
import { existsSync, readFileSync } from 'node:fs'
import { parseArgs } from 'node:util'

/** `NAME=value` lines of `.dev.vars` (comments and blank lines skipped). */
function devVars(): Record<string, string> {
  if (!existsSync('.dev.vars')) return {}
  const out: Record<string, string> = {}
  for (const line of readFileSync('.dev.vars', 'utf8').split('\n')) {
    const m = /^\s*([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*?)\s*$/.exec(line)
    if (m?.[1] !== undefined && m[2] !== undefined) out[m[1]] = m[2].replace(/^(["'])(.*)\1$/, '$2')
  }
  return out
}

function usage(message?: string): never {
  if (message) console.error(`keys: ${message}`)
  console.error(
    [
      'usage: npm run keys -- create --tenant <t> --scopes <s1,s2> [--name <n>] [--kind secret|publishable]',
      '                          [--origins <o1,o2>] [--rate <requests>/<seconds>] [--monthly-characters <n>]',
      '       npm run keys -- list [--tenant <t>]',
      '       npm run keys -- revoke <key id>',
    ].join('\n')
  )
  process.exit(2)
}

const file = devVars()
const baseUrl = (process.env.PRECIS_URL ?? file.PRECIS_URL ?? 'http://127.0.0.1:8787').replace(
  /\/+$/,
  ''
)
const adminToken = process.env.ADMIN_TOKEN ?? file.ADMIN_TOKEN
if (!adminToken) usage('set ADMIN_TOKEN in the environment or in .dev.vars')

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: {
    tenant: { type: 'string' },
    name: { type: 'string' },
    kind: { type: 'string' },
    scopes: { type: 'string' },
    origins: { type: 'string' },
    rate: { type: 'string' },
    'monthly-characters': { type: 'string' },
  },
})

const list = (v: string | undefined) =>
  v === undefined
    ? undefined
    : v
        .split(',')
        .map((s) => s.trim())
        .filter((s) => s !== '')

async function call(method: string, path: string, body?: unknown): Promise<unknown> {
  let res: Response
  try {
    res = await fetch(`${baseUrl}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${adminToken}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    })
  } catch (error) {
    console.error(`keys: cannot reach ${baseUrl} (${String(error)}); is the server running?`)
    process.exit(1)
  }
  const text = await res.text()
  if (!res.ok) {
    console.error(`keys: ${method} ${path} → ${res.status}\n${text}`)
    process.exit(1)
  }
  return text === '' ? undefined : JSON.parse(text)
}

const [command, ...rest] = positionals
switch (command) {
  case 'create': {
    if (values.tenant === undefined) usage('create needs --tenant')
    const scopes = list(values.scopes)
    if (scopes === undefined || scopes.length === 0) usage('create needs --scopes')
    let rateLimit: { requests: number; period: number } | undefined
    if (values.rate !== undefined) {
      const m = /^(\d+)\/(\d+)$/.exec(values.rate)
      if (m === null) usage('--rate is <requests>/<seconds>, e.g. 5/60')
      rateLimit = { requests: Number(m[1]), period: Number(m[2]) }
    }
    const origins = list(values.origins)
    const monthly = values['monthly-characters']
    const created = await call('POST', '/v1/keys', {
      tenant: values.tenant,
      name: values.name ?? `${values.tenant} key`,
      kind: values.kind ?? 'secret',
      scopes,
      ...(origins ? { origins } : {}),
      ...(rateLimit ? { rateLimit } : {}),
      ...(monthly !== undefined ? { monthlyCharacters: Number(monthly) } : {}),
    })
    console.log(JSON.stringify(created, null, 2))
    console.error('keys: the key above is shown once; store it now.')
    break
  }
  case 'list': {
    const query = values.tenant === undefined ? '' : `?tenant=${encodeURIComponent(values.tenant)}`
    console.log(JSON.stringify(await call('GET', `/v1/keys${query}`), null, 2))
    break
  }
  case 'revoke': {
    const id = rest[0]
    if (id === undefined) usage('revoke needs a key id')
    await call('DELETE', `/v1/keys/${encodeURIComponent(id)}`)
    console.log(`revoked ${id}`)
    break
  }
  default:
    usage(command === undefined ? undefined : `unknown command ${command}`)
}
