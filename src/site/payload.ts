import config from '@payload-config'
import { getPayload } from 'payload'

// `cron`: the reader site's first request starts the jobs runner too (Payload skips it during `next build`).
export const sitePayload = () => getPayload({ config, cron: true })
