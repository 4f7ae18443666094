import type { FieldHook, TextField } from 'payload'

import { slugify, slugPattern } from '@/lib/slugify'

const generateSlugFrom =
  (sourceField: string): FieldHook =>
  ({ value, siblingData }) => {
    if (typeof value === 'string' && value.trim() !== '') return value.trim()
    const source = siblingData?.[sourceField]
    return typeof source === 'string' && source.trim() !== '' ? slugify(source) : value
  }

/**
 * A localized URL slug, unique per locale (the database enforces it), generated from
 * `sourceField` when left empty: a Chinese title becomes pinyin.
 */
export const slugField = (sourceField = 'title'): TextField => ({
  name: 'slug',
  type: 'text',
  localized: true,
  index: true,
  unique: true,
  admin: {
    position: 'sidebar',
    description: `Lowercase letters, digits and hyphens. Left empty, it is made from the ${sourceField}.`,
  },
  hooks: { beforeValidate: [generateSlugFrom(sourceField)] },
  validate: (value: string | null | undefined) => {
    if (!value) return true
    return slugPattern.test(value)
      ? true
      : `"${value}" is not a valid slug: use lowercase a-z, 0-9 and single hyphens.`
  },
})
