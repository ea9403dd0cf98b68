import { createApp } from './app'
import { consumeJobChunks } from './routes/jobs/consumer'
import { warmUp } from './usecases/warm-up'

export { AccessMeter } from './objects/access-meter'
export { GlossaryWriter } from './objects/glossary-writer'
export { JobState } from './objects/job-state'

const app = createApp()

// At startup (its own 1 s CPU budget), not in the first request (10 ms on the free plan): the
// domain calls of a first detect and summarize, and the router, which builds its matcher on first
// use.
warmUp()
app.router.match('GET', '/health')

// biome-ignore lint/style/noDefaultExport: the Workers runtime loads the default export.
export default {
  fetch: app.fetch,
  // Background jobs: chunks from the job queue and, after repeated failures, its dead letters.
  queue: consumeJobChunks,
} satisfies ExportedHandler<Env>
