import { describe, expect, it } from 'vitest'

import { recencyOrder, type Placed } from '@/lib/recency'

/** The order of src/lib/recency.ts, as the reader pages' stores keep it (tests/pagesWithinBytes.test.ts runs one of them). */
describe('least recently used first, moved on reads only when older', () => {
  const filled = (count: number) => {
    const order = recencyOrder()
    const entries = new Map<string, Placed>()
    for (let index = 0; index < count; index += 1) entries.set(`/${index}`, { placed: order.placed() })
    const read = (key: string) => order.read(entries, key, entries.get(key)!)
    return { entries, read, keys: () => [...entries.keys()] }
  }

  it('moves an entry read among the older half to the end', () => {
    const { read, keys } = filled(10)
    read('/4')
    expect(keys().at(-1)).toBe('/4')
    expect(keys()[0]).toBe('/0')
  })

  it('leaves an entry read among the newer half where it is, however often it is read', () => {
    const { read, keys } = filled(10)
    const before = keys()
    for (let reads = 0; reads < 1_000; reads += 1) read('/7')
    expect(keys()).toEqual(before)
    // Once half of the entries have been moved after it, it moves again when read.
    for (const key of ['/0', '/1', '/2', '/3', '/4']) read(key)
    read('/7')
    expect(keys().at(-1)).toBe('/7')
  })

  it('moves the older of two entries when it is read', () => {
    const { read, keys } = filled(2)
    read('/0')
    expect(keys()).toEqual(['/1', '/0'])
    read('/0')
    expect(keys()).toEqual(['/1', '/0'])
  })
})
