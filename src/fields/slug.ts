import type { CollectionSlug, FieldHook, TextField } from 'payload'

import { type AdminText, labels } from '@/lib/adminLabels'
import { slugify, slugPattern } from '@/lib/slugify'

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

const slugDescription = (source: AdminText): AdminText => ({
  zh: `只能包含小写字母、数字和连字符。留空时将根据“${source.zh}”自动生成。`,
  en: `Lowercase letters, digits and hyphens. Left empty, it is made from the ${source.en.toLowerCase()}.`,
  fr: `Lettres minuscules, chiffres et traits d’union. Laissé vide, il est généré à partir du champ « ${source.fr} ».`,
})

/**
 * A localized URL slug, unique per locale (the database enforces it), generated from
 * `sourceField` when left empty: a Chinese title becomes pinyin.
 */
export const slugField = (sourceField: SlugSource = 'title'): TextField => ({
  name: 'slug',
  type: 'text',
  label: { zh: 'URL 别名', en: 'Slug', fr: 'Identifiant d’URL' },
  localized: true,
  // An index entry holds at most ~2,700 bytes: a longer slug fails in PostgreSQL.
  maxLength: 200,
  index: true,
  unique: true,
  admin: {
    position: 'sidebar',
    description: slugDescription(labels[sourceField]),
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
  label: { zh: '旧 URL 别名', en: 'Previous slugs', fr: 'Anciens identifiants d’URL' },
  admin: {
    position: 'sidebar',
    readOnly: true,
    description: {
      zh: '已发布过的旧别名，其网址会永久重定向到现在的网址。',
      en: 'Slugs this document was published under: their URLs redirect to the current one.',
      fr: 'Identifiants sous lesquels ce document a été publié : leurs URL redirigent vers l’actuelle.',
    },
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
