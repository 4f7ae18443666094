/**
 * Delivery settings, read from the environment when the config loads (see .env.example). The
 * defaults suit production; the tests shorten the cron and the backoff, never the timeout.
 */
const numberFrom = (value: string | undefined, fallback: number): number => {
  const parsed = Number(value)
  return value && Number.isFinite(parsed) && parsed > 0 ? parsed : fallback
}

export const webhookSettings = {
  /**
   * How often the server runs queued jobs (webhook deliveries, scheduled publishing), in cron
   * syntax with seconds; `off` when another process runs them (`npx payload jobs:run --all-queues`).
   */
  jobsCron: process.env.LAGON_JOBS_CRON || '*/5 * * * * *',
  /** A receiver that has not answered by then counts as failed. */
  timeoutMs: numberFrom(process.env.WEBHOOK_TIMEOUT_MS, 5000),
  /** Retries after the first attempt: with the default delay, the last one comes about 2 h after the save. */
  retries: numberFrom(process.env.WEBHOOK_RETRIES, 8),
  /** First retry delay; each further one doubles it (30 s, 1 min, 2 min, … 64 min). */
  retryDelayMs: numberFrom(process.env.WEBHOOK_RETRY_DELAY_MS, 30_000),
  /** The queue deliveries go to; the cron runs every queue. */
  queue: 'webhooks',
}
