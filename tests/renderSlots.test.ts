import { describe, expect, it } from 'vitest'

import { RenderQueueFull, RenderQueueTimeout, renderSlots } from '@/server/renderSlots'

/** A render that ends when the test says so. */
const heldRender = () => {
  let finish!: (value: string) => void
  const done = new Promise<string>((resolve) => (finish = resolve))
  return { work: () => done, finish }
}

const settled = <T>(promise: Promise<T>) => {
  const state: { value?: T; error?: unknown; done: boolean } = { done: false }
  promise.then(
    (value) => Object.assign(state, { value, done: true }),
    (error: unknown) => Object.assign(state, { error, done: true }),
  )
  return state
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 10))

/** The front's cap on renders (src/server/renderSlots.ts); tests/site/resilience.test.ts runs it in the real server. */
describe('render slots', () => {
  it('runs `concurrent` renders at once, the next in order as each ends, and refuses misses beyond the queue at once', async () => {
    const slots = renderSlots({ concurrent: 2, queued: 1, waitMs: 60_000 })
    const [a, b, c] = [heldRender(), heldRender(), heldRender()]
    const first = settled(slots.run(a.work))
    settled(slots.run(b.work))
    const third = settled(slots.run(c.work))
    expect(slots.inFlight()).toBe(2)
    expect(slots.waiting()).toBe(1)
    expect(slots.busy()).toBe(true)
    await expect(slots.run(async () => 'never')).rejects.toBeInstanceOf(RenderQueueFull)

    a.finish('a')
    await tick()
    expect(first.value).toBe('a')
    // The queued render took the freed slot; it has not ended yet.
    expect(slots.inFlight()).toBe(2)
    expect(slots.waiting()).toBe(0)
    expect(third.done).toBe(false)
    c.finish('c')
    await tick()
    expect(third.value).toBe('c')
    expect(slots.inFlight()).toBe(1)
    expect(slots.busy()).toBe(false)
  })

  it('gives a waiting miss up after waitMs, and frees its place in the queue', async () => {
    const slots = renderSlots({ concurrent: 1, queued: 1, waitMs: 50 })
    const held = heldRender()
    void slots.run(held.work)
    let ran = false
    await expect(
      slots.run(async () => {
        ran = true
      }),
    ).rejects.toBeInstanceOf(RenderQueueTimeout)
    expect(ran).toBe(false)
    expect(slots.waiting()).toBe(0)
    held.finish('done')
    await tick()
    expect(slots.inFlight()).toBe(0)
  })

  it('frees the slot of a render that fails', async () => {
    const slots = renderSlots({ concurrent: 1, queued: 0, waitMs: 50 })
    await expect(slots.run(() => Promise.reject(new Error('render failed')))).rejects.toThrow('render failed')
    expect(slots.inFlight()).toBe(0)
    await expect(slots.run(async () => 'next')).resolves.toBe('next')
  })
})

describe('render slots, first', () => {
  it('puts a render asked `first` ahead of the misses already waiting', async () => {
    const slots = renderSlots({ concurrent: 1, queued: 2, waitMs: 60_000 })
    const held = heldRender()
    const order: string[] = []
    void slots.run(held.work)
    const later = slots.run(async () => order.push('first render of a page'))
    const refresh = slots.run(async () => order.push('refresh of a page readers have'), { first: true })
    held.finish('done')
    await Promise.all([later, refresh])
    expect(order).toEqual(['refresh of a page readers have', 'first render of a page'])
  })
})
