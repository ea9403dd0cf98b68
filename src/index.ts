import { createApp } from './app'
import { consumeJobChunks } from './routes/jobs/consumer'

export { AccessMeter } from './objects/access-meter'
export { GlossaryWriter } from './objects/glossary-writer'
export { JobState } from './objects/job-state'

const app = createApp()

// biome-ignore lint/style/noDefaultExport: the Workers runtime loads the default export.
export default {
  fetch: app.fetch,
  // Background jobs: chunks from the job queue and, after repeated failures, its dead letters.
  queue: consumeJobChunks,
} satisfies ExportedHandler<Env>
