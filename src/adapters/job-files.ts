/**
 * R2 layout of background jobs. Inputs and results are NDJSON, one object per chunk of
 * `JOB_CHUNK_ITEMS` items, so the consumer reads one small object per message and a results
 * page is a run of consecutive objects:
 *
 * - `jobs/{job}/{upload}/input/{chunk}.ndjson` — the items as submitted; `upload` is fresh for
 *   every submission, so a resubmission with an `Idempotency-Key` never overwrites the input of
 *   the job it turns out to repeat.
 * - `jobs/{job}/results/{chunk}.ndjson` — `{ id, status, body | problem }` per item, in order.
 *
 * @module
 */

const pad = (chunk: number) => String(chunk).padStart(6, '0')

export type JobFiles = {
  putInput(job: string, upload: string, chunk: number, ndjson: string): Promise<void>
  getInput(job: string, upload: string, chunk: number): Promise<string | null>
  putResults(job: string, chunk: number, ndjson: string): Promise<void>
  getResults(job: string, chunk: number): Promise<ReadableStream<Uint8Array> | null>
  /** Deletes every object under `jobs/{job}/` (or only `jobs/{job}/{upload}/`). */
  remove(job: string, upload?: string): Promise<void>
}

export function createR2JobFiles(bucket: R2Bucket): JobFiles {
  const inputKey = (job: string, upload: string, chunk: number) =>
    `jobs/${job}/${upload}/input/${pad(chunk)}.ndjson`
  const resultsKey = (job: string, chunk: number) => `jobs/${job}/results/${pad(chunk)}.ndjson`
  return {
    async putInput(job, upload, chunk, ndjson) {
      await bucket.put(inputKey(job, upload, chunk), ndjson)
    },
    async getInput(job, upload, chunk) {
      const object = await bucket.get(inputKey(job, upload, chunk))
      return object ? object.text() : null
    },
    async putResults(job, chunk, ndjson) {
      await bucket.put(resultsKey(job, chunk), ndjson, {
        httpMetadata: { contentType: 'application/x-ndjson' },
      })
    },
    async getResults(job, chunk) {
      const object = await bucket.get(resultsKey(job, chunk))
      return object ? object.body : null
    },
    async remove(job, upload) {
      const prefix = upload === undefined ? `jobs/${job}/` : `jobs/${job}/${upload}/`
      let cursor: string | undefined
      do {
        const listing = await bucket.list({ prefix, ...(cursor ? { cursor } : {}) })
        const keys = listing.objects.map((o) => o.key)
        // R2 deletes at most 1,000 keys per call; a listing page holds at most 1,000.
        if (keys.length > 0) await bucket.delete(keys)
        cursor = listing.truncated ? listing.cursor : undefined
      } while (cursor !== undefined)
    },
  }
}
