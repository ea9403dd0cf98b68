/**
 * The stored form of compiled n-gram tables (`tables.generated.ts`, written by
 * `scripts/langid/build-tables.ts`): every typed array of a {@link CompiledGroup} as base64 of
 * its little-endian bytes. Decoding is one pass over the bytes per array (a few milliseconds at
 * isolate startup); scoring then reads the arrays as they are, so the first request pays nothing.
 *
 * @module
 */
import { type CompiledGroup, symbolsOf } from './model'

/** A {@link CompiledGroup} as stored: strings only (the symbol map is rebuilt from `alphabet`). */
export type StoredGroup = {
  readonly langs: readonly string[]
  readonly orders: readonly number[]
  readonly alphabet: string
  readonly cells: string
  readonly values: string
  readonly slots: string
  readonly slotRows: string
  readonly codes: string
  readonly lexicon: {
    readonly slots: string
    readonly starts: string
    readonly text: string
    readonly masks: string
  }
}

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'
/** Base64 character code → its 6 bits. */
const SEXTETS = new Uint8Array(128)
for (let i = 0; i < BASE64.length; i++) SEXTETS[BASE64.charCodeAt(i)] = i

/**
 * Bytes of a base64 string, in a buffer of their own (so any typed view of it is aligned). A
 * plain loop rather than `atob`: Node's `atob` is written in JavaScript and takes ≈ 20 ms per
 * MiB, where this loop, once optimised, takes a few; workerd's native `atob` would also need a
 * second pass to turn its string into bytes.
 */
function bytesOf(base64: string): Uint8Array {
  const padding = base64.endsWith('==') ? 2 : base64.endsWith('=') ? 1 : 0
  const length = (base64.length / 4) * 3 - padding
  const bytes = new Uint8Array(length)
  let j = 0
  for (let i = 0; i < base64.length; i += 4) {
    const n =
      ((SEXTETS[base64.charCodeAt(i)] as number) << 18) |
      ((SEXTETS[base64.charCodeAt(i + 1)] as number) << 12) |
      ((SEXTETS[base64.charCodeAt(i + 2)] as number) << 6) |
      (SEXTETS[base64.charCodeAt(i + 3)] as number)
    bytes[j++] = n >>> 16
    if (j < length) bytes[j++] = (n >>> 8) & 255
    if (j < length) bytes[j++] = n & 255
  }
  return bytes
}

const u32 = (base64: string): Uint32Array => new Uint32Array(bytesOf(base64).buffer)

/** Base64 of a typed array's bytes (the build's side of {@link decodeGroup}). */
export function base64Of(array: ArrayBufferView): string {
  const bytes = new Uint8Array(array.buffer, array.byteOffset, array.byteLength)
  let binary = ''
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000))
  return btoa(binary)
}

export function encodeGroup(group: CompiledGroup): StoredGroup {
  return {
    langs: group.langs,
    orders: group.orders,
    alphabet: group.alphabet,
    cells: base64Of(group.cells),
    values: base64Of(group.values),
    slots: base64Of(group.slots),
    slotRows: base64Of(group.slotRows),
    codes: base64Of(group.codes),
    lexicon: {
      slots: base64Of(group.lexicon.slots),
      starts: base64Of(group.lexicon.starts),
      text: group.lexicon.text,
      masks: base64Of(group.lexicon.masks),
    },
  }
}

export function decodeGroup(stored: StoredGroup): CompiledGroup {
  return {
    langs: stored.langs,
    orders: stored.orders,
    alphabet: stored.alphabet,
    symbols: symbolsOf(stored.alphabet),
    cells: bytesOf(stored.cells),
    values: new Float32Array(bytesOf(stored.values).buffer),
    slots: u32(stored.slots),
    slotRows: u32(stored.slotRows),
    codes: u32(stored.codes),
    lexicon: {
      slots: u32(stored.lexicon.slots),
      starts: u32(stored.lexicon.starts),
      text: stored.lexicon.text,
      masks: u32(stored.lexicon.masks),
    },
  }
}
