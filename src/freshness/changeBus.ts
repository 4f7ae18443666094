import { randomUUID } from 'node:crypto'

import pg from 'pg'
import type { Payload } from 'payload'

import { isSiteTag } from '@/site/tags'

import { changeChannel } from './settings'

type Message = { origin: string; tags: string[] }

type Bus = {
  /** Whether this instance runs the jobs queue now: it holds the jobs lock on its listener's connection. */
  isJobRunner: () => Promise<boolean>
  stop: () => Promise<void>
}

type Shared = { origin: string; bus?: Bus }

/** On globalThis: the front (src/server/), Next's route bundles and payload.config.ts share one origin and one listener. */
const key = Symbol.for('lagon.changeBus')
const shared = ((globalThis as Record<symbol, Shared | undefined>)[key] ??= {
  origin: randomUUID(),
})

/** PostgreSQL refuses NOTIFY payloads of 8000 bytes or more; tags are at most 256 characters. */
const maxPayloadBytes = 7_000

const messages = (tags: string[]): string[] => {
  const payloads: string[] = []
  let batch: string[] = []
  const text = (some: string[]) => JSON.stringify({ origin: shared.origin, tags: some } satisfies Message)
  for (const tag of tags) {
    if (batch.length > 0 && Buffer.byteLength(text([...batch, tag])) > maxPayloadBytes) {
      payloads.push(text(batch))
      batch = []
    }
    batch.push(tag)
  }
  if (batch.length > 0) payloads.push(text(batch))
  return payloads
}

/**
 * Tells every instance listening on the database which tags a committed change expired. Tags,
 * not documents: a NOTIFY payload is small, and each instance re-reads what it needs.
 */
export const announceTags = async (payload: Payload, tags: string[]): Promise<void> => {
  const { pool } = payload.db as unknown as { pool: pg.Pool }
  try {
    for (const message of messages(tags)) await pool.query('select pg_notify($1, $2)', [changeChannel, message])
  } catch (error) {
    console.error(`lagon: could not announce a change to other instances: ${error instanceof Error ? error.message : String(error)}`)
  }
}

/** An announcement, or nothing for a payload that is not one (anyone with access to the database may NOTIFY). */
const parsed = (payload: string): Message | undefined => {
  try {
    const message = JSON.parse(payload) as Partial<Message>
    return typeof message.origin === 'string' && Array.isArray(message.tags)
      ? { origin: message.origin, tags: message.tags.filter(isSiteTag) }
      : undefined
  } catch {
    return undefined
  }
}

/** Held for the life of a listener's connection: the instance holding it runs the jobs queue. */
const jobsLock = `select pg_try_advisory_lock(hashtext('lagon:jobs-runner')) as locked`

/**
 * Listens for other instances' changes on a connection of its own, reconnecting after a second
 * when it drops. A change announced while it was away is lost: `onReconnect` forgets what this
 * instance keeps (each cache's TTL catches up the rest). Its connection also holds the jobs
 * lock, so that one instance at a time runs jobs and another takes over when it goes away.
 */
export const listenForChanges = ({
  databaseUrl,
  onTags,
  onReconnect,
}: {
  databaseUrl: string
  onTags: (tags: string[]) => Promise<void>
  onReconnect: () => void
}): Bus => {
  let client: pg.Client | undefined
  let stopped = false
  let runsJobs = false
  let connections = 0

  const connect = async (): Promise<void> => {
    const next = new pg.Client({
      connectionString: databaseUrl,
      application_name: 'lagon-changes',
    })
    let gone = false
    const retry = () => {
      if (gone) return
      gone = true
      if (client === next) client = undefined
      runsJobs = false
      void next.end().catch(() => {})
      if (!stopped) setTimeout(() => void connect(), 1_000).unref()
    }
    next.on('error', (error) => {
      console.warn(`lagon: change listener: ${error.message}; reconnecting`)
      retry()
    })
    next.on('end', retry)
    next.on('notification', ({ channel, payload }) => {
      if (channel !== changeChannel || !payload) return
      const message = parsed(payload)
      // Its own changes were expired here when they committed.
      if (message && message.origin !== shared.origin && message.tags.length > 0) void onTags(message.tags)
    })
    try {
      await next.connect()
      await next.query(`listen ${changeChannel}`)
    } catch (error) {
      console.warn(`lagon: change listener: ${error instanceof Error ? error.message : String(error)}; retrying`)
      retry()
      return
    }
    client = next
    connections += 1
    if (connections > 1) onReconnect()
  }
  void connect()

  const bus: Bus = {
    isJobRunner: async () => {
      if (runsJobs || !client) return runsJobs
      try {
        runsJobs = (await client.query<{ locked: boolean }>(jobsLock)).rows[0]?.locked ?? false
      } catch {
        runsJobs = false
      }
      return runsJobs
    },
    stop: async () => {
      stopped = true
      shared.bus = undefined
      await client?.end().catch(() => {})
    },
  }
  shared.bus = bus
  return bus
}

/**
 * Payload's `jobs.shouldAutoRun`: on Lagon's server, only the instance holding the jobs lock runs
 * jobs (each is then run once however many instances there are); a process without a listener
 * (`next dev`, one process) runs them itself.
 */
export const shouldRunJobs = (): Promise<boolean> => shared.bus?.isJobRunner() ?? Promise.resolve(true)
