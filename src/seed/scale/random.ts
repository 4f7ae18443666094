import { createHash } from 'node:crypto'

/**
 * A random source drawn from a name: the same name always gives the same sequence, so the
 * n-th document of a scale seed is the same on every run (that is what makes it idempotent).
 */
export type Random = {
  /** A number in [0, 1). */
  next: () => number
  int: (min: number, max: number) => number
  pick: <T>(items: readonly T[]) => T
  /** `count` distinct items. */
  some: <T>(items: readonly T[], count: number) => T[]
  chance: (probability: number) => boolean
}

export const randomFrom = (name: string): Random => {
  // mulberry32, seeded from a hash of the name.
  let state = createHash('sha256').update(name).digest().readUInt32LE(0)
  const next = () => {
    state = (state + 0x6d2b79f5) | 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1))
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!
  const some = <T>(items: readonly T[], count: number): T[] => {
    const pool = [...items]
    const out: T[] = []
    while (out.length < count && pool.length > 0) out.push(pool.splice(Math.floor(next() * pool.length), 1)[0]!)
    return out
  }
  return { next, int, pick, some, chance: (probability) => next() < probability }
}

/** A stable 24-hex id (Payload's array rows and blocks use ObjectID-like ids) from a name. */
export const stableId = (name: string): string => createHash('sha1').update(name).digest('hex').slice(0, 24)
