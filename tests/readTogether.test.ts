import { describe, expect, it } from 'vitest'

import { batchedRead, readTogether } from '@/site/readTogether'

type Collection = 'carriers' | 'tips'

/**
 * A cache in front of reads, as the site's `unstable_cache` entries are: a hit answers from
 * memory; a miss reads through `batchedRead`, or alone when no batch wants the document.
 */
const cacheOf = (held: Record<string, string>) => {
  const alone: string[] = []
  const readOne = async (collection: Collection, id: number) => {
    // The cache's own lookup is asynchronous, as Next's is.
    await new Promise((resolve) => setTimeout(resolve, id % 3))
    const key = `${collection}:${id}`
    if (key in held) return held[key]!
    const batched = batchedRead(collection, id)
    if (batched) return (await batched) as string | null
    alone.push(key)
    return `${key} read alone`
  }
  return { readOne, alone }
}

const reader = () => {
  const calls: [Collection, number[]][] = []
  const readMany = async (collection: Collection, ids: number[]) => {
    calls.push([collection, [...ids].sort((a, b) => a - b)])
    // One document readers may not read: not found, as Payload's access leaves it out.
    return new Map(ids.filter((id) => id !== 404).map((id) => [id, `${collection}:${id} read`]))
  }
  return { readMany, calls }
}

describe('readTogether', () => {
  it('reads the documents the cache misses in one read per collection, and none it holds', async () => {
    const { readOne, alone } = cacheOf({ 'carriers:2': 'carriers:2 kept' })
    const { readMany, calls } = reader()
    const wanted = [
      { collection: 'carriers' as const, id: 1 },
      { collection: 'carriers' as const, id: 2 },
      { collection: 'tips' as const, id: 7 },
      { collection: 'carriers' as const, id: 3 },
      { collection: 'tips' as const, id: 404 },
    ]
    const docs = await readTogether(wanted, readOne, readMany)
    expect(docs).toEqual(['carriers:1 read', 'carriers:2 kept', 'tips:7 read', 'carriers:3 read', null])
    expect(calls.sort()).toEqual([
      ['carriers', [1, 3]],
      ['tips', [7, 404]],
    ])
    expect(alone).toEqual([])
  })

  it('reads nothing when the cache holds everything', async () => {
    const { readOne } = cacheOf({ 'tips:1': 'one', 'tips:2': 'two' })
    const { readMany, calls } = reader()
    expect(await readTogether([{ collection: 'tips' as const, id: 1 }, { collection: 'tips' as const, id: 2 }], readOne, readMany)).toEqual(['one', 'two'])
    expect(calls).toEqual([])
  })

  it('gives each waiting read the error of its batch', async () => {
    const { readOne } = cacheOf({})
    const failing = async () => {
      throw new Error('database down')
    }
    await expect(readTogether([{ collection: 'tips' as const, id: 1 }], readOne, failing)).rejects.toThrow('database down')
  })

  it('leaves reads outside a batch, or of documents it does not want, to be read alone', async () => {
    expect(batchedRead('tips', 1)).toBeUndefined()
    const { readMany, calls } = reader()
    const { readOne, alone } = cacheOf({})
    const docs = await readTogether(
      [{ collection: 'tips' as const, id: 1 }],
      async (collection, id) => [await readOne(collection, id), await readOne('carriers', 9)].join(' + '),
      readMany,
    )
    expect(docs).toEqual(['tips:1 read + carriers:9 read alone'])
    expect(calls).toEqual([['tips', [1]]])
    expect(alone).toEqual(['carriers:9'])
  })
})
