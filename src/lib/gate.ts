/**
 * At most `limit()` pieces of work at once through a gate, the others waiting their turn in the
 * order they came (first in, first out). `limit` is read at each entry, so that a setting from
 * the environment is followed; 0 lets everything through at once. Kept on globalThis under `key`:
 * Next's route handlers, its pages and the server's own code may each load this module, and share
 * one gate.
 */
export type Gate = {
  <T>(work: () => Promise<T>): Promise<T>
  /** Pieces of work running now, and waiting (for tests and benches). */
  readonly state: () => { running: number; waiting: number }
}

type GateState = { running: number; waiting: (() => void)[] }

export const gate = (key: string, limit: () => number): Gate => {
  const symbol = Symbol.for(key)
  const state = ((globalThis as Record<symbol, GateState | undefined>)[symbol] ??= { running: 0, waiting: [] })
  const through = async <T>(work: () => Promise<T>): Promise<T> => {
    const most = limit()
    // A turn is handed over by the one leaving (below), `running` unchanged: no one arriving meanwhile passes the queue.
    if (most > 0 && (state.running >= most || state.waiting.length > 0)) await new Promise<void>((resolve) => state.waiting.push(resolve))
    else state.running += 1
    try {
      return await work()
    } finally {
      const next = state.waiting.shift()
      if (next) next()
      else state.running -= 1
    }
  }
  return Object.assign(through, { state: () => ({ running: state.running, waiting: state.waiting.length }) })
}
