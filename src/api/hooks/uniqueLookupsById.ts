import type { CollectionBeforeOperationHook, FlattenedField, PayloadRequest, SanitizedCollectionConfig } from 'payload'

import { isReader } from '@/access/roles'
import { isRecord } from '@/lib/isRecord'

type Column = { name: string }
type LocalesTable = Record<string, Column | undefined>
type PostgresAdapter = {
  pool?: { query: (query: { name: string; text: string; values: unknown[] }) => Promise<{ rows: { id: number | string }[] }> }
  tables?: Record<string, LocalesTable | undefined>
  tableNameMap?: Map<string, string>
  localesSuffix?: string
}

/** A localized text field the database holds unique per locale (a slug): where its value names one document at most. */
const isUniqueLocalizedText = (field: FlattenedField | undefined): field is FlattenedField & { name: string } =>
  field !== undefined && field.type === 'text' && field.localized === true && 'unique' in field && field.unique === true && !field.hasMany

/** The adapter's key for a collection's table (its slug in snake case, as `to-snake-case` makes it); a miss only skips the lookup. */
const snakeCase = (slug: string) => slug.replace(/([a-z0-9])([A-Z])/g, '$1_$2').replace(/[^A-Za-z0-9]+/g, '_').toLowerCase()

const quoted = (name: string) => `"${name.replaceAll('"', '""')}"`

/** The statement finding the document whose value of `field` in a locale is $2, made once per collection and field. */
const statements = new WeakMap<SanitizedCollectionConfig, Map<string, { name: string; text: string } | null>>()

const statementFor = (db: PostgresAdapter, collection: SanitizedCollectionConfig, field: string): { name: string; text: string } | null => {
  let known = statements.get(collection)
  if (!known) statements.set(collection, (known = new Map()))
  let statement = known.get(field)
  if (statement === undefined) {
    const tableName = db.tableNameMap?.get(snakeCase(collection.slug))
    const localesName = tableName && `${tableName}${db.localesSuffix ?? '_locales'}`
    const table = localesName ? db.tables?.[localesName] : undefined
    const [parent, locale, value] = [table?._parentID, table?._locale, table?.[field]]
    statement =
      localesName && parent && locale && value
        ? {
            name: `lagon-unique-${localesName}-${value.name}`,
            text: `select ${quoted(parent.name)} as id from ${quoted(localesName)} where ${quoted(locale.name)} = $1 and ${quoted(value.name)} = $2`,
          }
        : null
    known.set(field, statement)
  }
  return statement
}

/**
 * The one document a `where` names by a unique localized field (`where[slug][equals]=…&locale=fr`),
 * or undefined when it names none or when the lookup cannot be made here.
 */
const idOfUniqueValue = async (req: PayloadRequest, collection: SanitizedCollectionConfig, field: string, value: string): Promise<number | string | undefined> => {
  const db = req.payload.db as unknown as PostgresAdapter
  const statement = db.pool ? statementFor(db, collection, field) : null
  if (!statement) return undefined
  const { rows } = await db.pool!.query({ ...statement, values: [req.locale, value] })
  return rows.length === 1 ? rows[0]!.id : undefined
}

/**
 * A read of the document named by a unique localized field (`where[slug][equals]=…`, as
 * integrations look guides up) is made a read by id. Payload's Drizzle adapter reads a `where` on
 * a localized field in two statements (the ids through a join with the locales' table, then the
 * documents), each built by Drizzle for each request; by id it is one. The id comes from one
 * indexed statement of our own, its text made once: the locale's row with that value, exactly the
 * condition Payload's join puts (`_locale` = the locale read, the value equal; no fallback), so the
 * answer is the same document. Access, `select`, drafts' status and the list envelope stay
 * Payload's, applied to `where[id][equals]`.
 *
 * Only for staff: a reader's access adds a condition on the locale's `_status` (publishedOrStaff),
 * which joins the locales' table again, so the lookup would be a third statement, not one of two.
 * Only for that `where` alone (one field, `equals` a string), on the first page, in one locale (not `all`), outside a
 * transaction (a hook's read inside a write sees that write's rows) and not for drafts (looked up
 * among versions, where a slug is not unique). When no row has the value, Payload looks it up as it
 * would (and finds none): nothing is guessed.
 */
export const uniqueLookupsById: CollectionBeforeOperationHook = async ({ args, collection, operation, req }) => {
  if (operation !== 'read') return args
  const { draft, id, page, where } = args as { draft?: boolean; id?: unknown; page?: number; where?: unknown }
  // Past the first page Payload answers a joined lookup and a read by id differently (no count, a count).
  if (id !== undefined || draft || (page !== undefined && page !== 1) || req.transactionID || !isRecord(where)) return args
  // A locale the configuration declares (`_locale` is an enum: any other value would be a database error).
  const localization = req.payload.config.localization
  if (typeof req.locale !== 'string' || !localization || !localization.localeCodes.includes(req.locale) || isReader(req.user)) return args
  const paths = Object.keys(where)
  if (paths.length !== 1) return args
  const field = collection.flattenedFields.find((each) => each.name === paths[0])
  const condition = where[paths[0]!]
  if (!isUniqueLocalizedText(field) || !isRecord(condition) || Object.keys(condition).length !== 1 || typeof condition.equals !== 'string') return args
  const found = await idOfUniqueValue(req, collection, field.name, condition.equals)
  return found === undefined ? args : { ...args, where: { id: { equals: found } } }
}
