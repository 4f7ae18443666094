import type { CollectionSlug, FieldHook, TextField } from 'payload'

import { type AdminText, adminTextsOf } from '@/lib/adminLabels'
import { slugify, slugPattern } from '@/lib/slugify'

const texts = adminTextsOf('slug')

/**
 * A slug typed by an editor is kept as typed (a clash is a validation error); one generated
 * from the title gets a numeric suffix when another document of the locale already has it.
 */
const generateSlugFrom =
  (sourceField: string): FieldHook =>
  async ({ value, siblingData, collection, req, originalDoc }) => {
    if (typeof value === 'string' && value.trim() !== '') return value.trim()
    const source = siblingData?.[sourceField]
    if (typeof source !== 'string' || source.trim() === '' || !collection) return value
    const base = slugify(source)
    if (!base) return value
    for (let suffix = 1; ; suffix += 1) {
      const candidate = suffix === 1 ? base : `${base}-${suffix}`
      const { totalDocs } = await req.payload.count({
        collection: collection.slug as CollectionSlug,
        locale: req.locale === 'all' ? undefined : (req.locale ?? undefined),
        where: {
          slug: { equals: candidate },
          ...(originalDoc?.id ? { id: { not_equals: originalDoc.id } } : {}),
        },
        req,
      })
      if (totalDocs === 0) return candidate
    }
  }

/** The fields a slug can be made from. */
type SlugSource = 'title' | 'name'

const slugDescriptions: Record<SlugSource, AdminText> = { title: texts.descriptionFromTitle, name: texts.descriptionFromName }

/**
 * A localized URL slug, unique per locale (the database enforces it), generated from
 * `sourceField` when left empty: a Chinese title becomes pinyin.
 */
export const slugField = (sourceField: SlugSource = 'title'): TextField => ({
  name: 'slug',
  type: 'text',
  label: texts.slug,
  localized: true,
  // An index entry holds at most ~2,700 bytes: a longer slug fails in PostgreSQL.
  maxLength: 200,
  index: true,
  unique: true,
  admin: {
    position: 'sidebar',
    description: slugDescriptions[sourceField],
  },
  hooks: { beforeValidate: [generateSlugFrom(sourceField)] },
  validate: (value: string | null | undefined) => {
    if (!value) return true
    return slugPattern.test(value)
      ? true
      : `"${value}" is not a valid slug: use lowercase a-z, 0-9 and single hyphens.`
  },
})

type SlugDoc = { slug?: string | null; slugHistory?: string[] | null; _status?: string | null }

/**
 * The slugs a published document had before, per locale: their URLs redirect (308) to the
 * current one instead of breaking the links readers and search engines already have.
 */
export const slugHistoryField = (): TextField => ({
  name: 'slugHistory',
  type: 'text',
  hasMany: true,
  localized: true,
  // Old URLs are resolved by looking their slug up here: an index, not a scan of every document.
  index: true,
  label: texts.slugHistory,
  admin: {
    position: 'sidebar',
    readOnly: true,
    description: texts.slugHistoryDescription,
  },
  hooks: {
    beforeChange: [
      ({ value, siblingData, originalDoc }) => {
        const previous = originalDoc as SlugDoc | undefined
        const current = (siblingData as SlugDoc).slug
        const history = ((value as string[] | null | undefined) ?? previous?.slugHistory ?? []).filter(
          (slug) => slug !== current,
        )
        if (previous?.slug && current && previous.slug !== current && previous._status === 'published') {
          return [...new Set([...history, previous.slug])]
        }
        return history
      },
    ],
  },
})

/** The slug and the history that keeps its old URLs working. */
export const slugFields = (sourceField: SlugSource = 'title'): TextField[] => [slugField(sourceField), slugHistoryField()]
