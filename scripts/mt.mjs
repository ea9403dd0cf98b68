#!/usr/bin/env node
/**
 * `npm run mt` — the local machine-translation engine: Apertium APy on 127.0.0.1.
 *
 *   npm run mt                  run in the foreground until Ctrl-C
 *   npm run mt -- --detach      start in the background, wait until ready, exit 0 (alias --ci)
 *   npm run mt -- --stop        stop the background server started with --detach
 *   npm run mt -- --status      say whether APy answers
 *
 * Options: `--port N` (default: the port of APERTIUM_URL, else 2737). APy gets a modes directory
 * (`.apertium/modes`) holding only the pairs Précis needs, so it keeps one ~145 MB pipeline per
 * pair that is actually used instead of loading everything installed. APy itself listens on every
 * interface, so `scripts/apy-loopback.py` binds it to 127.0.0.1. When Apertium is not installed
 * the script names the Debian packages to install and exits with status 2.
 */
import { spawn, spawnSync } from 'node:child_process'
import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const stateDir = path.join(root, '.apertium')
const modesDir = path.join(stateDir, 'modes')
const pidFile = path.join(stateDir, 'apy.pid')
const logFile = path.join(stateDir, 'apy.log')
const launcher = path.join(root, 'scripts', 'apy-loopback.py')

/** Where Debian installs pair modes; APERTIUM_MODES overrides it (e.g. /usr/local builds). */
const SYSTEM_MODES = process.env.APERTIUM_MODES ?? '/usr/share/apertium/modes'
const PYTHON = '/usr/bin/python3'
/** The directions Précis uses, and the Debian package that ships each. */
const PAIRS = {
  'eng-spa': 'apertium-eng-spa',
  'spa-eng': 'apertium-eng-spa',
  'eng-cat': 'apertium-eng-cat',
  'cat-eng': 'apertium-eng-cat',
}
const PACKAGES = ['apertium-apy', 'apertium-eng-spa', 'apertium-eng-cat', 'python3-streamparser']
const READY_TIMEOUT_MS = 30_000

const args = process.argv.slice(2)
const flag = (name) => args.includes(name)
const portArg = args.indexOf('--port')
const port = Number(portArg >= 0 ? args[portArg + 1] : (portOf(process.env.APERTIUM_URL) ?? 2737))
const base = `http://127.0.0.1:${port}`

function portOf(url) {
  if (!url) return undefined
  try {
    const u = new URL(url)
    return u.port ? Number(u.port) : undefined
  } catch {
    return undefined
  }
}

function say(message) {
  console.log(`[mt] ${message}`)
}

async function answers() {
  try {
    const response = await fetch(`${base}/listPairs`, { signal: AbortSignal.timeout(1500) })
    if (!response.ok) return undefined
    const body = await response.json()
    return (body.responseData ?? []).map((p) => `${p.sourceLanguage}-${p.targetLanguage}`)
  } catch {
    return undefined
  }
}

/** What is missing for APy to run, as Debian package names (empty when all is there). */
function missingPackages() {
  const missing = new Set()
  const python = existsSync(PYTHON)
    ? spawnSync(PYTHON, ['-c', 'import apertium_apy, tornado, streamparser'], {
        stdio: 'ignore',
      }).status
    : 1
  if (python !== 0) {
    missing.add('apertium-apy')
    missing.add('python3-streamparser')
  }
  for (const [pair, pkg] of Object.entries(PAIRS)) {
    if (!existsSync(path.join(SYSTEM_MODES, `${pair}.mode`))) missing.add(pkg)
  }
  return [...missing]
}

function explainInstall(missing) {
  console.error(`[mt] Apertium is not installed (missing: ${missing.join(', ')}).`)
  console.error('[mt] On Debian/Ubuntu, as root:')
  console.error('       apt-get update')
  console.error(
    `       DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends ${PACKAGES.join(' ')}`
  )
  console.error('[mt] Or point APERTIUM_URL at an APy server you already run.')
}

/** A modes directory with symlinks to exactly the pairs Précis uses. */
function prepareModes() {
  rmSync(modesDir, { recursive: true, force: true })
  mkdirSync(modesDir, { recursive: true })
  for (const pair of Object.keys(PAIRS)) {
    symlinkSync(path.join(SYSTEM_MODES, `${pair}.mode`), path.join(modesDir, `${pair}.mode`))
  }
}

function apyArgs() {
  // -t 30: first requests on a cold pipeline can take several seconds on a busy machine.
  return [launcher, '-p', String(port), '-t', '30', modesDir]
}

function childEnv() {
  // APy refuses to start without a UTF-8 locale.
  return { ...process.env, LC_ALL: 'C.UTF-8', LANG: 'C.UTF-8', PYTHONUNBUFFERED: '1' }
}

async function waitReady(child) {
  const started = Date.now()
  let exited = false
  child.once('exit', () => {
    exited = true
  })
  while (Date.now() - started < READY_TIMEOUT_MS) {
    if (exited) return false
    const pairs = await answers()
    if (pairs) return true
    await new Promise((resolve) => setTimeout(resolve, 150))
  }
  return false
}

function readPid() {
  try {
    const pid = Number(readFileSync(pidFile, 'utf8').trim())
    return Number.isInteger(pid) && pid > 0 ? pid : undefined
  } catch {
    return undefined
  }
}

function alive(pid) {
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}

function logTail() {
  try {
    return readFileSync(logFile, 'utf8').split('\n').slice(-15).join('\n')
  } catch {
    return ''
  }
}

async function stop() {
  const pid = readPid()
  if (!pid || !alive(pid)) {
    say('no background APy started by this script is running')
    rmSync(pidFile, { force: true })
    return 0
  }
  // APy was started as the leader of its own process group, so the group id is its pid: this
  // also ends the Apertium pipelines it spawned, and nothing else.
  try {
    process.kill(-pid, 'SIGTERM')
  } catch {
    process.kill(pid, 'SIGTERM')
  }
  for (let i = 0; i < 50 && alive(pid); i++) await new Promise((r) => setTimeout(r, 100))
  if (alive(pid)) {
    try {
      process.kill(-pid, 'SIGKILL')
    } catch {
      // already gone
    }
  }
  rmSync(pidFile, { force: true })
  say(`stopped APy (pid ${pid})`)
  return 0
}

async function start(detach) {
  const already = await answers()
  if (already) {
    say(`APy already answers at ${base} (pairs: ${already.join(', ')})`)
    return 0
  }
  const missing = missingPackages()
  if (missing.length > 0) {
    explainInstall(missing)
    return 2
  }
  prepareModes()
  mkdirSync(stateDir, { recursive: true })
  if (detach) {
    const log = openSync(logFile, 'w')
    const child = spawn(PYTHON, apyArgs(), {
      cwd: root,
      env: childEnv(),
      detached: true,
      stdio: ['ignore', log, log],
    })
    closeSync(log)
    const ready = await waitReady(child)
    if (!ready) {
      console.error(`[mt] APy did not become ready on ${base}. Log (${logFile}):\n${logTail()}`)
      try {
        process.kill(-child.pid, 'SIGTERM')
      } catch {
        // it already exited
      }
      return 1
    }
    writeFileSync(pidFile, `${child.pid}\n`)
    child.unref()
    say(`APy ready at ${base} (pid ${child.pid}; log ${path.relative(root, logFile)})`)
    say('stop it with: npm run mt -- --stop')
    return 0
  }
  const child = spawn(PYTHON, apyArgs(), {
    cwd: root,
    env: childEnv(),
    detached: true,
    stdio: 'inherit',
  })
  const forward = (signal) => {
    try {
      process.kill(-child.pid, signal)
    } catch {
      // gone
    }
  }
  process.on('SIGINT', () => forward('SIGTERM'))
  process.on('SIGTERM', () => forward('SIGTERM'))
  if (await waitReady(child)) say(`APy ready at ${base} — Ctrl-C to stop`)
  return await new Promise((resolve) => child.on('exit', (code) => resolve(code ?? 0)))
}

let status
if (flag('--stop')) status = await stop()
else if (flag('--status')) {
  const pairs = await answers()
  say(pairs ? `APy answers at ${base}: ${pairs.join(', ')}` : `nothing answers at ${base}`)
  status = pairs ? 0 : 1
} else status = await start(flag('--detach') || flag('--ci'))
process.exit(status)
