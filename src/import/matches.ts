import { isRecord as isObject } from '@/lib/isRecord'

const empty = (value: unknown): boolean => value === null || value === undefined

/**
 * True when everything `wanted` says is already in `stored`. Keys `wanted` leaves out (row ids,
 * timestamps, defaults) are ignored, so an import of an unchanged file writes nothing.
 */
export const matches = (wanted: unknown, stored: unknown): boolean => {
  if (empty(wanted)) return empty(stored) || stored === false || (Array.isArray(stored) && stored.length === 0)
  if (Array.isArray(wanted)) {
    return Array.isArray(stored) && wanted.length === stored.length && wanted.every((item, i) => matches(item, stored[i]))
  }
  if (isObject(wanted)) {
    if (!isObject(stored)) return false
    return Object.entries(wanted).every(([key, value]) => matches(value, stored[key]))
  }
  return wanted === stored
}
