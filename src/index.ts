import { createApp } from './app'
import { warmUpHttp } from './http/warm-up'
import { consumeJobChunks } from './routes/jobs/consumer'
import { warmUp } from './usecases/warm-up'

export { AccessMeter } from './objects/access-meter'
export { GlossaryWriter } from './objects/glossary-writer'
export { JobState } from './objects/job-state'

const app = createApp()

/**
 * Undeclared unless a build defines it (`wrangler dev --define PRECIS_SKIP_WARM_UP:true`): the
 * cold-start bench builds the Worker once without the warm-up to show what it saves.
 */
declare const PRECIS_SKIP_WARM_UP: boolean | undefined

// At startup (its own 1 s CPU budget), not in the first request (10 ms on the free plan): the
// domain calls of a first detect and summarize, the router, which builds its matcher on first
// use, and the HTTP layer's path of a first request (http/warm-up.ts).
if (typeof PRECIS_SKIP_WARM_UP === 'undefined' || !PRECIS_SKIP_WARM_UP) {
  warmUp()
  app.router.match('GET', '/health')
  // Runs to its end before the first request: startup settles its promises (no I/O in them).
  void warmUpHttp(app.fetch)
}

// biome-ignore lint/style/noDefaultExport: the Workers runtime loads the default export.
export default {
  fetch: app.fetch,
  // Background jobs: chunks from the job queue and, after repeated failures, its dead letters.
  queue: consumeJobChunks,
} satisfies ExportedHandler<Env>
