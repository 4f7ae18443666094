import path from 'node:path'
import { parseArgs } from 'node:util'

export type Options = {
  lighthouseRuns: number
  keep: boolean
  reuse?: string
  waitIdleSeconds: number
  /** bench:scale: the Zipf load alone, and the number of pages it draws from. */
  zipfOnly: boolean
  zipfPages?: number
}

export function readOptions(): Options {
  const { values } = parseArgs({
    options: {
      'lighthouse-runs': { type: 'string', default: '3' },
      keep: { type: 'boolean', default: false },
      reuse: { type: 'string' },
      'wait-idle': { type: 'string', default: '0' },
      'zipf-only': { type: 'boolean', default: false },
      'zipf-pages': { type: 'string' },
    },
  })
  const waitIdleSeconds = Number(values['wait-idle'])
  if (!(waitIdleSeconds >= 0)) throw new Error('--wait-idle must be a number of seconds ≥ 0')
  const lighthouseRuns = Number(values['lighthouse-runs'])
  if (!Number.isInteger(lighthouseRuns) || lighthouseRuns < 1) throw new Error('--lighthouse-runs must be a whole number ≥ 1')
  const zipfPages = values['zipf-pages'] === undefined ? undefined : Number(values['zipf-pages'])
  if (zipfPages !== undefined && !(Number.isInteger(zipfPages) && zipfPages >= 1)) throw new Error('--zipf-pages must be a whole number ≥ 1')
  return {
    lighthouseRuns,
    keep: values.keep || Boolean(values.reuse),
    reuse: values.reuse && path.resolve(values.reuse),
    waitIdleSeconds,
    zipfOnly: values['zipf-only'],
    zipfPages,
  }
}
