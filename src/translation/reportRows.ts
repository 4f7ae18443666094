import { sql } from '@payloadcms/db-postgres'
import type { Payload } from 'payload'

import { localeCodes, sourceLocale as defaultSourceLocale } from '@/lib/locales'

import type { TranslatedCollection } from './documents'
import { translatableFields, type TranslatableField } from './translatableFields'

type SQL = ReturnType<typeof sql>

/** Payload's column and table names: camelCase words joined by `_`. */
const snake = (name: string): string => name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').replace(/([A-Z])([A-Z][a-z])/g, '$1_$2').toLowerCase()

/** Whether a stored value holds text, as `translatableContent` decides: not null, not '', not a rich text without children. */
const holdsText = (column: SQL, type: TranslatableField['type']): SQL =>
  type === 'richText'
    ? sql`(${column} is not null and coalesce(not (jsonb_typeof(${column}->'root'->'children') = 'array' and jsonb_array_length(${column}->'root'->'children') = 0), true))`
    : sql`coalesce(${column}, '') <> ''`

/**
 * Whether the newest version `v` has translatable text in locale `loc.locale` (its `_locales` row
 * `l`): one condition per translatable field, array fields through their rows' locale tables.
 */
const hasText = (collection: TranslatedCollection, fields: TranslatableField[]): SQL => {
  const conditions = fields.map(({ path, type }) => {
    const [head, star, leaf] = path.split('.')
    if (star === '*' && head && leaf) {
      const rows = sql.identifier(`_${collection}_v_version_${snake(head)}`)
      const rowLocales = sql.identifier(`_${collection}_v_version_${snake(head)}_locales`)
      return sql`exists (select 1 from ${rows} a join ${rowLocales} al on al._parent_id = a.id
        where a._parent_id = v.id and al._locale::text = loc.locale and ${holdsText(sql`al.${sql.identifier(snake(leaf))}`, type)})`
    }
    return holdsText(sql`l.${sql.identifier(`version_${path.split('.').map(snake).join('_')}`)}`, type)
  })
  return conditions.length > 0 ? sql`(${sql.join(conditions, sql` or `)})` : sql`false`
}

export type RowFilters = { locale?: string; assignee?: number | 'none'; qa?: 'errors' }

/**
 * Every newest version of a collection × each target locale, with its status decided as
 * `translationStatus` (src/translation/status.ts) decides it, in SQL: no document is read into
 * the server to list, count or page translations. Columns: collection, id, title, source_locale,
 * locale, status, assignee, translated_at, updated_at, qa_errors, qa_warnings, qa_findings, last_verified.
 */
export const translationRows = (payload: Payload, collection: TranslatedCollection, filters: RowFilters): SQL => {
  const fields = translatableFields(payload.collections[collection].config.fields)
  const titleColumn = sql.identifier(`version_${snake(payload.collections[collection].config.admin.useAsTitle ?? 'id')}`)
  const versions = sql.identifier(`_${collection}_v`)
  const locales = sql.identifier(`_${collection}_v_locales`)
  const source = sql`coalesce(v.version_source_locale::text, ${defaultSourceLocale})`
  const stale = sql`(coalesce(l.version_translation_source_fingerprint, '') <> ''
    and l.version_translation_source_fingerprint is distinct from v.version_source_fingerprint)`
  const assignee =
    filters.assignee === undefined
      ? sql``
      : filters.assignee === 'none'
        ? sql`and l.version_translation_assignee_id is null`
        : sql`and l.version_translation_assignee_id = ${filters.assignee}`
  const locale = filters.locale ? sql`and loc.locale = ${filters.locale}` : sql``
  // The translation's QA as its last save stored it (src/translation/qa/); the count is indexed.
  const qa = filters.qa === 'errors' ? sql`and coalesce(l.version_translation_qa_errors, 0) > 0` : sql``
  return sql`
    select ${collection}::text as collection, v.parent_id as id,
      coalesce(s.${titleColumn}::text, l.${titleColumn}::text, v.parent_id::text) as title,
      ${source} as source_locale, loc.locale,
      case
        when l.version_translation_status is null and not ${hasText(collection, fields)} then 'missing'
        when ${stale} then 'outdated'
        else coalesce(l.version_translation_status::text, 'in-progress')
      end as status,
      l.version_translation_assignee_id as assignee, l.version_translation_translated_at as translated_at,
      v.version_updated_at as updated_at,
      l.version_translation_qa_errors as qa_errors, l.version_translation_qa_warnings as qa_warnings,
      l.version_translation_qa_findings as qa_findings, v.version_last_verified as last_verified
    from ${versions} v
    cross join (values ${sql.join(
      localeCodes.map((code) => sql`(${code})`),
      sql`, `,
    )}) as loc(locale)
    left join ${locales} l on l._parent_id = v.id and l._locale::text = loc.locale
    left join ${locales} s on s._parent_id = v.id and s._locale::text = ${source}
    where v.latest and v.parent_id is not null and loc.locale <> ${source} ${locale} ${assignee} ${qa}`
}
