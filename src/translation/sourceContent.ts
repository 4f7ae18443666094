import type { TranslatableField } from './translatableFields'

/** A document's translatable text in one locale, keyed by a stable path (array rows by row id). */
export type TranslatableContent = Record<string, unknown>

const isEmpty = (value: unknown): boolean =>
  value === undefined || value === null || value === '' || (typeof value === 'object' && isEmptyRichText(value))

const isEmptyRichText = (value: object): boolean => {
  const root = (value as { root?: { children?: unknown[] } }).root
  return Boolean(root && Array.isArray(root.children) && root.children.length === 0)
}

const collect = (value: unknown, segments: string[], key: string, out: TranslatableContent): void => {
  if (segments.length === 0) {
    if (!isEmpty(value)) out[key] = value
    return
  }
  const [head, ...rest] = segments
  if (value === null || typeof value !== 'object') return
  if (head === '*') {
    if (!Array.isArray(value)) return
    value.forEach((row: { id?: string } | null, index) => {
      const rowKey = row && typeof row === 'object' && row.id ? row.id : String(index)
      collect(row, rest, `${key}.${rowKey}`, out)
    })
    return
  }
  collect((value as Record<string, unknown>)[head], rest, key ? `${key}.${head}` : head, out)
}

/**
 * The translatable text of a document read in one locale (with `fallback: false`, or a fallback
 * would count a missing translation as translated). Array rows are keyed by their id, so
 * reordering offers does not read as a change of their text.
 */
export const translatableContent = (doc: unknown, fields: TranslatableField[]): TranslatableContent => {
  const out: TranslatableContent = {}
  for (const field of fields) collect(doc, field.path.split('.'), '', out)
  return out
}
