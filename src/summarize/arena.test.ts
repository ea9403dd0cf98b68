import { describe, expect, it } from 'vitest'
import { Arena, spareBytes } from './arena'

describe('Arena', () => {
  it('hands out zeroed, disjoint arrays, in more buffers when one is full', () => {
    const arena = new Arena(64)
    const arrays = [arena.f64(3), arena.i32(5), arena.u8(7), arena.f64(200), arena.i32(1)]
    arrays.forEach((array, k) => {
      expect(Array.from(array).every((x) => x === 0)).toBe(true)
      array.fill(k + 1)
    })
    arrays.forEach((array, k) => {
      expect(Array.from(array).every((x) => x === k + 1)).toBe(true)
    })
  })

  it('gives released memory to the next arena zeroed', () => {
    const first = new Arena(4096)
    first.f64(100).fill(1.5)
    first.i32(300).fill(-1)
    first.u8(5000).fill(7) // past the first buffer
    first.release()
    const next = new Arena(4096)
    const seen = [next.f64(100), next.i32(300), next.u8(5000), next.f64(50)]
    for (const array of seen) expect(Array.from(array).every((x) => x === 0)).toBe(true)
  })

  it('never shares memory with an arena that was not released', () => {
    const kept = new Arena(2048)
    const held = kept.f64(10)
    held.fill(3)
    const other = new Arena(2048)
    other.f64(10).fill(9)
    other.release()
    const again = new Arena(2048)
    again.f64(10).fill(4)
    expect(Array.from(held)).toEqual(new Array(10).fill(3))
  })

  it('keeps a large buffer for the next large input, and gives it back to a small one', () => {
    const large = new Arena(10 << 20)
    large.u8(1000).fill(1)
    large.release()
    expect(spareBytes()).toBe(10 << 20)
    const alsoLarge = new Arena(8 << 20)
    expect(Array.from(alsoLarge.u8(1000)).every((x) => x === 0)).toBe(true)
    alsoLarge.release()
    expect(spareBytes()).toBe(10 << 20)
    // Under a quarter of the spare: the spare is dropped and a buffer of the asked size is made.
    const small = new Arena(1 << 20)
    expect(spareBytes()).toBe(0)
    small.release()
    expect(spareBytes()).toBe(1 << 20)
    // Past the largest arena a request can need: never kept.
    const huge = new Arena(40 << 20)
    huge.release()
    expect(spareBytes()).toBe(1 << 20)
  })
})
