import { createHash } from 'node:crypto'

import type { TranslatableContent } from './sourceContent'

/** JSON with object keys sorted, so equal content always hashes the same. */
export const canonicalJson = (value: unknown): string => {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`
  }
  return JSON.stringify(value ?? null)
}

/** The fingerprint of a document's source text: what a translation records it was made from. */
export const fingerprint = (content: TranslatableContent): string =>
  createHash('sha256').update(canonicalJson(content)).digest('hex').slice(0, 32)

/** The fingerprint of one field's value (machine output, translation-memory segments). */
export const valueFingerprint = (value: unknown): string =>
  createHash('sha256').update(canonicalJson(value)).digest('hex').slice(0, 32)
