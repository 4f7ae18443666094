import type { FlattenedField } from 'payload'

import { holdsLocalized, isLocalized } from '@/fields/tree'
import { isRecord } from '@/lib/isRecord'
import { translatorStatuses } from '@/translation/statuses'

type Row = Record<string, unknown>

/** Set by Payload, never by the person saving. */
export const managedFields = new Set(['id', 'createdAt', 'updatedAt', 'deletedAt'])

/**
 * Hidden, read-only fields that Lagon's hooks keep (the source's fingerprint, the revision): no
 * person sets them, Payload keeps their stored value on a translator's save, and a form opened
 * before an editor's save still holds their old value, which is no change of the translator's.
 */
export const isBookkeeping = (field: FlattenedField): boolean => {
  const admin = (field as { admin?: { hidden?: boolean; readOnly?: boolean } }).admin
  return Boolean(admin?.hidden && admin.readOnly)
}

/**
 * Localized fields a translator may set only to some values (by path; a value left as stored
 * is allowed, except a status: sending `published` again would publish the save). `_status`: a
 * translator saves drafts, never publishes.
 * `translation.status`: in progress or needs review; `done` is an editor's approval.
 */
const localizedValueRules: Record<string, (value: unknown) => boolean> = {
  _status: (value) => value === 'draft',
  'translation.status': (value) => value === null || (translatorStatuses as readonly unknown[]).includes(value),
  // Publishing despite QA errors is an editor's call: a translator gives no reason for it.
  'translation.qaOverrideReason': (value) => value === null || value === '',
}

/** Why a translator may not make the change `fieldTranslatorMayNotChange` found at `path`. */
export const translatorRefusal = (path: string): string => {
  if (path === '_status') return 'translators save drafts; an editor publishes.'
  if (path === 'translation.status') return `a translator sets ${translatorStatuses.join(' or ')}; an editor approves (done).`
  if (path === 'translation.qaOverrideReason') return 'only an editor overrides QA errors to publish.'
  return 'shared by every locale: only an editor changes it.'
}

const valueAt = (row: unknown, path: string[]): unknown =>
  path.reduce<unknown>((value, key) => (isRecord(value) ? value[key] : undefined), row)

/** The first rule under `path` (the field itself, or one nested in it) that the change breaks. */
const brokenRule = (path: string, value: unknown, before: unknown): string | undefined =>
  Object.keys(localizedValueRules).find((rulePath) => {
    if (rulePath !== path && !rulePath.startsWith(`${path}.`)) return false
    const nested = rulePath.slice(path.length + 1).split('.').filter(Boolean)
    const next = valueAt(value, nested)
    const unchanged = rulePath !== '_status' && same(next, valueAt(before, nested))
    return next !== undefined && !unchanged && !localizedValueRules[rulePath]!(next)
  })

/**
 * A stored or submitted value in one comparable shape: unset values (absent, null, empty, an
 * unchecked box) alike, object keys in one order, dates by time.
 */
const comparable = (value: unknown): unknown => {
  if (value === undefined || value === '' || value === false) return null
  if (Array.isArray(value)) return value.map(comparable)
  if (isRecord(value)) {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((key) => [key, comparable(value[key])] as const)
        .filter(([, item]) => item !== null),
    )
  }
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(value)) return new Date(value).getTime()
  return value
}

/** A relation as its id (or `{ relationTo, value }`), whether sent as an id or populated. */
const relationId = (value: unknown): unknown => {
  if (Array.isArray(value)) return value.map(relationId)
  if (!isRecord(value)) return value
  if ('relationTo' in value && 'value' in value) return { relationTo: value.relationTo, value: relationId(value.value) }
  return 'id' in value ? value.id : value
}

/** Whether a sent value is the stored one (relations by id, unset values alike). */
export const same = (a: unknown, b: unknown, field?: FlattenedField): boolean => {
  const normalize = (value: unknown) =>
    comparable(field?.type === 'relationship' || field?.type === 'upload' ? relationId(value) : value)
  return JSON.stringify(normalize(a)) === JSON.stringify(normalize(b))
}

/**
 * What a translator may change in a save of one of their locales: the localized fields of that
 * locale (inside shared arrays and groups too, row by row), nothing that every locale shares.
 * Returns the path of the first field the save would change against that rule, or `undefined`.
 */
export const fieldTranslatorMayNotChange = (
  fields: FlattenedField[],
  data: Row,
  stored: Row | null | undefined,
  prefix = '',
): string | undefined => {
  for (const field of fields) {
    // Virtual fields are save options, not stored values: nothing to protect.
    if (!(field.name in data) || managedFields.has(field.name) || isBookkeeping(field) || ('virtual' in field && field.virtual)) continue
    const path = `${prefix}${field.name}`
    const value = data[field.name]
    const before = stored?.[field.name]
    if (isLocalized(field)) {
      const broken = brokenRule(path, value, before)
      if (broken) return broken
      continue
    }
    if (!holdsLocalized(field)) {
      if (!same(value, before, field)) return path
      continue
    }
    if ((field.type === 'group' || field.type === 'tab') && isRecord(value)) {
      const inner = fieldTranslatorMayNotChange(field.flattenedFields, value, isRecord(before) ? before : undefined, `${path}.`)
      if (inner) return inner
    } else if (field.type === 'array') {
      // Rows are shared by every locale: a translator fills in the rows there are, in their order.
      const rows = Array.isArray(value) ? value : []
      const storedRows = Array.isArray(before) ? (before as Row[]) : []
      if (rows.length !== storedRows.length) return path
      for (const [index, row] of rows.entries()) {
        const storedRow = storedRows[index]!
        if (!isRecord(row) || (row.id !== undefined && row.id !== storedRow.id)) return `${path}.${index}`
        const inner = fieldTranslatorMayNotChange(field.flattenedFields, row, storedRow, `${path}.${index}.`)
        if (inner) return inner
      }
    } else if (!same(value, before, field)) {
      return path
    }
  }
  return undefined
}
