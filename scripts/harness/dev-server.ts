/**
 * Starts a `wrangler dev` of the Worker on loopback for the harnesses (fuzz, load, examples,
 * benches), with its own port, inspector port and a throw-away state directory, and stops it again.
 *
 * The process runs in its own process group so that `stop()` ends wrangler and the workerd it
 * spawned, and nothing else.
 *
 * @module
 */
import { type ChildProcess, spawn } from 'node:child_process'
import { mkdtempSync, openSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')

export type DevServerOptions = {
  readonly port: number
  readonly inspectorPort: number
  /** Extra `--var NAME:value` pairs (vars and secrets alike; `wrangler dev` treats them the same). */
  readonly vars?: Readonly<Record<string, string>>
  /** Another Worker's wrangler configuration (default: the repository's `wrangler.toml`). */
  readonly config?: string
  /** `--define NAME:value` pairs: build-time replacements (the cold-start bench's comparison). */
  readonly defines?: Readonly<Record<string, string>>
  /** How long to wait for the server, in milliseconds. */
  readonly startTimeoutMs?: number
  /**
   * Local state directory (KV, Durable Objects, R2) kept by the caller across servers; default a
   * throw-away one.
   */
  readonly persistTo?: string
  /**
   * `health` (default): ready when `/health` answers. `log`: ready when wrangler prints that it
   * listens, so that no request has reached the Worker yet (the cold-start bench).
   */
  readonly readyWhen?: 'health' | 'log'
}

export type DevServer = {
  readonly url: string
  /** The wrangler output so far (for a failure report). */
  readonly log: () => string
  /** The process id of the `workerd` that runs the Worker (Linux `/proc`), if found. */
  readonly workerdPid: () => number | undefined
  readonly stop: () => Promise<void>
}

export async function startDevServer(options: DevServerOptions): Promise<DevServer> {
  const work = mkdtempSync(path.join(tmpdir(), 'precis-harness-'))
  const logFile = path.join(work, 'wrangler.log')
  const out = openSync(logFile, 'a')
  const args = [
    'dev',
    // wrangler.toml is the local configuration (the deployment has its own file).
    ...(options.config === undefined ? [] : ['--config', options.config]),
    '--ip',
    '127.0.0.1',
    '--port',
    String(options.port),
    '--inspector-port',
    String(options.inspectorPort),
    '--persist-to',
    options.persistTo ?? path.join(work, 'state'),
    '--show-interactive-dev-session=false',
    ...Object.entries(options.vars ?? {}).flatMap(([k, v]) => ['--var', `${k}:${v}`]),
    ...Object.entries(options.defines ?? {}).flatMap(([k, v]) => ['--define', `${k}:${v}`]),
  ]
  const child: ChildProcess = spawn(path.join(ROOT, 'node_modules/.bin/wrangler'), args, {
    cwd: ROOT,
    detached: true,
    stdio: ['ignore', out, out],
    env: {
      ...process.env,
      // Offline and quiet: no metrics, no Cloudflare lookups, no banner or prompts.
      WRANGLER_SEND_METRICS: 'false',
      CLOUDFLARE_CF_FETCH_ENABLED: 'false',
      WRANGLER_HIDE_BANNER: 'true',
      CI: 'true',
      // Wrangler writes its own log files under the config home; keep them with ours.
      XDG_CONFIG_HOME: path.join(work, 'config'),
    },
  })
  let exited = false
  // Last resort when the harness dies without calling stop(): never leave a server behind.
  const killOnExit = () => {
    if (!exited && child.pid !== undefined) {
      try {
        process.kill(-child.pid, 'SIGKILL')
      } catch {
        // Already gone.
      }
    }
  }
  process.on('exit', killOnExit)
  child.on('exit', () => {
    exited = true
    process.off('exit', killOnExit)
  })
  const log = () => {
    try {
      return readFileSync(logFile, 'utf8')
    } catch {
      return ''
    }
  }
  const stop = async () => {
    if (!exited && child.pid !== undefined) {
      try {
        process.kill(-child.pid, 'SIGTERM')
      } catch {
        // Already gone.
      }
      const deadline = Date.now() + 5000
      while (!exited && Date.now() < deadline) await sleep(100)
      if (!exited) {
        try {
          process.kill(-child.pid, 'SIGKILL')
        } catch {
          // Already gone.
        }
      }
    }
    rmSync(work, { recursive: true, force: true })
  }

  const url = `http://127.0.0.1:${options.port}`
  const workerdPid = () => findWorkerd(child.pid)
  const deadline = Date.now() + (options.startTimeoutMs ?? 120_000)
  while (Date.now() < deadline) {
    if (exited) break
    if (options.readyWhen === 'log') {
      if (log().includes(`Ready on ${url}`)) return { url, log, workerdPid, stop }
      await sleep(200)
      continue
    }
    try {
      const response = await fetch(`${url}/health`, { signal: AbortSignal.timeout(2000) })
      if (response.ok) {
        await response.arrayBuffer()
        return { url, log, workerdPid, stop }
      }
    } catch {
      // Not listening yet.
    }
    await sleep(500)
  }
  const output = log()
  await stop()
  throw new Error(
    `wrangler dev did not answer /health on ${url}${exited ? ' (it exited)' : ''}:\n${output.slice(-4000)}`
  )
}

/**
 * The `workerd` process that runs the Worker. wrangler starts two in the server's process group:
 * a proxy that listens on the server's port, and the runtime of the Worker itself, the one with an
 * inspector.
 */
function findWorkerd(group: number | undefined): number | undefined {
  if (group === undefined) return undefined
  let entries: string[]
  try {
    entries = readdirSync('/proc')
  } catch {
    return undefined
  }
  for (const entry of entries) {
    if (!/^\d+$/.test(entry)) continue
    try {
      // Field 5 of stat is the process group; the command name (field 2) may hold spaces.
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8')
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
      if (Number(fields[2]) !== group) continue
      const args = readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0')
      const isWorkerd = args[0]?.endsWith('workerd') === true
      if (isWorkerd && args.some((a) => a.startsWith('--inspector-addr'))) return Number(entry)
    } catch {
      // The process ended while we looked.
    }
  }
  return undefined
}

/**
 * A new secret key through `POST /v1/keys` on `server`, which must run with `ADMIN_TOKEN` set to
 * `adminToken`.
 *
 * @returns the key (shown only in this answer).
 */
export async function createSecretKey(
  server: DevServer,
  adminToken: string,
  key: { readonly tenant: string; readonly name: string; readonly scopes: readonly string[] }
): Promise<string> {
  const created = await fetch(`${server.url}/v1/keys`, {
    method: 'POST',
    headers: { authorization: `Bearer ${adminToken}`, 'content-type': 'application/json' },
    body: JSON.stringify({ ...key, kind: 'secret' }),
  })
  const { key: secret } = (await created.json()) as { key?: string }
  if (created.status !== 201 || secret === undefined) {
    throw new Error(`POST /v1/keys answered ${created.status}`)
  }
  return secret
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms))
}
