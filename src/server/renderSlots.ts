/**
 * A cap on the renders Next runs at once for readers' pages. Next renders in this process, on the
 * same event loop as every hit and API request: with no cap, a burst of misses for different pages
 * (a crawler, the cold tail of a busy site) has every connection waiting on a render and starves
 * the hits, the saves and the API. Past `concurrent`, misses wait in a bounded queue, in order,
 * for at most `waitMs`; past `queued`, they are refused at once (the front answers them from the
 * last good copy or with a 503 and Retry-After).
 */

/** A miss refused because `queued` misses already wait for a render slot. */
export class RenderQueueFull extends Error {
  constructor() {
    super('too many pages waiting to be rendered')
  }
}

/** A miss that waited `waitMs` for a render slot without getting one. */
export class RenderQueueTimeout extends Error {
  constructor(waitMs: number) {
    super(`no render slot within ${waitMs} ms`)
  }
}

export const isRenderRefusal = (error: unknown): boolean => error instanceof RenderQueueFull || error instanceof RenderQueueTimeout

type Waiting = { start: () => void; timer: NodeJS.Timeout }

export const renderSlots = ({ concurrent, queued, waitMs }: { concurrent: number; queued: number; waitMs: number }) => {
  let running = 0
  const waiting: Waiting[] = []

  const release = () => {
    running -= 1
    const next = waiting.shift()
    if (!next) return
    clearTimeout(next.timer)
    next.start()
  }

  const started = <T>(work: () => Promise<T>): Promise<T> => {
    running += 1
    return Promise.resolve()
      .then(work)
      .finally(release)
  }

  return {
    /** True when a new render would have to wait: every slot is taken. */
    busy: (): boolean => running >= concurrent,
    /**
     * Runs `work` in a slot, now or after the misses queued before it (`first`: before them);
     * rejects when refused.
     */
    run: <T>(work: () => Promise<T>, { first = false }: { first?: boolean } = {}): Promise<T> => {
      if (running < concurrent) return started(work)
      if (waiting.length >= queued) return Promise.reject(new RenderQueueFull())
      return new Promise<T>((resolve, reject) => {
        const entry: Waiting = {
          start: () => started(work).then(resolve, reject),
          timer: setTimeout(() => {
            waiting.splice(waiting.indexOf(entry), 1)
            reject(new RenderQueueTimeout(waitMs))
          }, waitMs),
        }
        if (first) waiting.unshift(entry)
        else waiting.push(entry)
      })
    },
    inFlight: (): number => running,
    waiting: (): number => waiting.length,
  }
}

export type RenderSlots = ReturnType<typeof renderSlots>
