import type { Cache } from '../usecases/ports'

/** In-memory twin of the KV cache, for unit tests and local experiments. */
export class MemoryCache implements Cache {
  readonly entries = new Map<string, { value: string; expiresAt: number }>()

  constructor(private readonly now: () => number = () => Date.now()) {}

  async get(key: string): Promise<string | null> {
    const entry = this.entries.get(key)
    if (!entry || entry.expiresAt <= this.now()) return null
    return entry.value
  }

  put(key: string, value: string, ttlSeconds: number): void {
    this.entries.set(key, { value, expiresAt: this.now() + ttlSeconds * 1000 })
  }
}
