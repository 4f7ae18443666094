import { readFile } from 'node:fs/promises'
import path from 'node:path'

import {
  commitTransaction,
  createLocalReq,
  initTransaction,
  killTransaction,
  ValidationError,
  type FlattenedField,
  type Payload,
  type PayloadRequest,
} from 'payload'

import { holdsLocalized } from '@/fields/tree'
import { sourceLocale, type Locale } from '@/lib/locales'
import { slugify } from '@/lib/slugify'

import { ImportError } from './errors'
import { parseFrontMatter } from './frontMatter'
import { markdownToLexical, type ReferenceResolver } from './markdownToLexical'
import { matches } from './matches'
import { dropPromotionalLines, type DroppedLine } from './promotionalLines'
import { readerCollections } from '@/lib/readerCollections'

export const importableCollections = readerCollections
export type ImportableCollection = (typeof importableCollections)[number]

/** The rich-text field the Markdown body fills. */
const bodyField: Record<ImportableCollection, string> = {
  articles: 'body',
  carriers: 'description',
  tips: 'body',
}
const titleField: Record<ImportableCollection, string> = { articles: 'title', carriers: 'name', tips: 'title' }

export type ImportResult = {
  action: 'created' | 'updated' | 'unchanged'
  id: number | string
  slug: string
  dropped: DroppedLine[]
}

export type ImportOptions = {
  payload: Payload
  file: string
  locale: Locale
  collection: ImportableCollection
}

type Row = Record<string, unknown>

const findBySlug = async (
  req: PayloadRequest,
  collection: ImportableCollection,
  slug: string,
  locale: Locale,
): Promise<Row | undefined> => {
  const { docs } = await req.payload.find({
    collection,
    where: { slug: { equals: slug } },
    locale,
    fallbackLocale: false,
    draft: true,
    depth: 0,
    limit: 1,
    pagination: false,
    req,
  })
  return docs[0] as unknown as Row | undefined
}

const validationMessage = (error: ValidationError): string =>
  error.data.errors.map(({ path: fieldPath, message }) => `field "${fieldPath}": ${message}`).join('; ')

/**
 * Imports one Markdown file as one locale of an article, carrier or tip: created, or updated when
 * a document with its slug (or, for a translation, `translationOf`) exists. Everything happens
 * in one transaction: a file with any error writes nothing.
 */
export const importDocument = async ({ payload, file, locale, collection }: ImportOptions): Promise<ImportResult> => {
  const name = path.relative(process.cwd(), file)
  let source: string
  try {
    source = await readFile(file, 'utf8')
  } catch (error) {
    throw new ImportError(`cannot read the file (${(error as NodeJS.ErrnoException).code ?? 'error'}).`, name)
  }
  const { data: frontMatter, body, bodyLine } = parseFrontMatter(source, name)
  const { kept, dropped } = dropPromotionalLines(body, bodyLine)
  const { translationOf, _status: status = 'draft', ...values } = frontMatter
  const isTranslation = locale !== sourceLocale

  if (status !== 'draft' && status !== 'published') {
    throw new ImportError(`"_status" must be draft or published, not "${String(status)}".`, name)
  }
  if (isTranslation && typeof translationOf !== 'string') {
    throw new ImportError(`a ${locale} file needs "translationOf": the ${sourceLocale} slug of its document.`, name)
  }
  if (!isTranslation && translationOf !== undefined) {
    throw new ImportError(`"translationOf" belongs in translations, not in a ${sourceLocale} file.`, name)
  }

  const fields = payload.collections[collection].config.flattenedFields
  const fieldByName = new Map(fields.map((field) => [field.name, field]))
  for (const key of Object.keys(values)) {
    const field = fieldByName.get(key)
    if (!field || key === bodyField[collection]) {
      throw new ImportError(`unknown field "${key}" for ${collection}.`, name)
    }
    if (isTranslation && !holdsLocalized(field)) {
      throw new ImportError(`"${key}" is not translatable: set it in the ${sourceLocale} file only.`, name)
    }
  }

  const title = values[titleField[collection]]
  const slug =
    typeof values.slug === 'string' && values.slug
      ? values.slug
      : typeof title === 'string'
        ? slugify(title)
        : undefined
  if (!slug) {
    throw new ImportError(`the front matter needs "slug" or "${titleField[collection]}".`, name)
  }

  const req = await createLocalReq({ locale, fallbackLocale: false }, payload)
  await initTransaction(req)
  try {
    const existing =
      (await findBySlug(req, collection, slug, locale)) ??
      (isTranslation ? await findBySlug(req, collection, translationOf as string, sourceLocale) : undefined)
    if (isTranslation && !existing) {
      throw new ImportError(
        `no ${collection} document has the ${sourceLocale} slug "${String(translationOf)}": import the ${sourceLocale} file first.`,
        name,
      )
    }
    const current = existing
      ? ((await req.payload.findByID({
          collection,
          id: existing.id as number,
          locale,
          fallbackLocale: false,
          draft: true,
          depth: 0,
          req,
        })) as unknown as Row)
      : undefined

    const resolver = referenceResolver(req, path.dirname(file), name, locale)
    const data: Row = { ...values, slug }
    for (const [key, value] of Object.entries(values)) {
      data[key] = await toFieldValue(fieldByName.get(key)!, value, current?.[key], { req, name, resolver })
    }
    if (kept.trim()) {
      data[bodyField[collection]] = await markdownToLexical(kept, {
        file: name,
        firstLine: 1,
        resolver,
        idSeed: `${collection}/${slug}/${locale}`,
      })
    }

    // An imported translation is a finished one: `done`, and recorded against the source it was
    // imported beside (the translation hook records the fingerprint and snapshot).
    if (isTranslation) data.translation = { status: 'done' }

    if (current && current._status === status && matches(data, current)) {
      await commitTransaction(req)
      return { action: 'unchanged', id: current.id as number, slug, dropped }
    }
    const options = { collection, locale, draft: status === 'draft', req, depth: 0 } as const
    const saved = current
      ? await req.payload.update({ ...options, id: current.id as number, data: { ...data, _status: status } })
      : await req.payload.create({ ...options, data: { ...data, _status: status } as never })
    await commitTransaction(req)
    return { action: current ? 'updated' : 'created', id: saved.id, slug, dropped }
  } catch (error) {
    await killTransaction(req)
    if (error instanceof ValidationError) throw new ImportError(validationMessage(error), name)
    throw error
  }
}

type ValueContext = { req: PayloadRequest; name: string; resolver: ReferenceResolver }

/** Front-matter values as Payload expects them: slugs become ids, dates ISO strings. */
const toFieldValue = async (
  field: FlattenedField,
  value: unknown,
  stored: unknown,
  context: ValueContext,
): Promise<unknown> => {
  if (value === null || value === undefined) return value
  switch (field.type) {
    case 'date': {
      const date = new Date(String(value))
      if (Number.isNaN(date.getTime())) {
        throw new ImportError(`field "${field.name}": "${String(value)}" is not a date.`, context.name)
      }
      return date.toISOString()
    }
    case 'relationship': {
      const relationTo = field.relationTo as ImportableCollection
      const slugs = Array.isArray(value) ? value : [value]
      const ids = []
      for (const slug of slugs) {
        const doc = await findBySlug(context.req, relationTo, String(slug), sourceLocale)
        if (!doc) {
          throw new ImportError(`field "${field.name}": no ${relationTo} has the slug "${String(slug)}".`, context.name)
        }
        ids.push(doc.id)
      }
      return field.hasMany ? ids : ids[0]
    }
    case 'upload':
      return context.resolver.image(String(value), '', 0)
    case 'array': {
      if (!Array.isArray(value)) {
        throw new ImportError(`field "${field.name}" must be a list.`, context.name)
      }
      // A translation gives only the localized sub-fields of existing rows, in their order.
      if (Array.isArray(stored) && context.req.locale !== sourceLocale) {
        if (stored.length !== value.length) {
          throw new ImportError(
            `field "${field.name}": the ${sourceLocale} document has ${stored.length} rows, this file ${value.length}.`,
            context.name,
          )
        }
        return value.map((row, index) => ({ ...(stored[index] as Row), ...(row as Row) }))
      }
      return value
    }
    default:
      return value
  }
}

/** Embeds resolve to published-or-draft documents by their source-locale slug; images are uploaded once. */
const referenceResolver = (req: PayloadRequest, dir: string, name: string, locale: Locale): ReferenceResolver => ({
  embed: async ({ kind, slug }, line) => {
    const collection = kind === 'carrier' ? 'carriers' : 'tips'
    const doc = await findBySlug(req, collection, slug, sourceLocale)
    if (!doc) throw new ImportError(`no ${collection} has the slug "${slug}".`, name, line)
    return doc.id as number
  },
  image: async (src, alt, line) => {
    if (/^[a-z]+:/i.test(src)) {
      throw new ImportError(`image "${src}": only images stored beside the file are imported.`, name, line)
    }
    const filePath = path.resolve(dir, src)
    const filename = path.basename(filePath)
    const { docs } = await req.payload.find({
      collection: 'media',
      where: { filename: { equals: filename } },
      limit: 1,
      depth: 0,
      req,
    })
    if (docs[0]) return docs[0].id
    let buffer: Buffer
    try {
      buffer = await readFile(filePath)
    } catch {
      throw new ImportError(`image "${src}" not found beside the file.`, name, line)
    }
    const media = await req.payload.create({
      collection: 'media',
      locale,
      data: { alt: alt || filename },
      file: { data: buffer, name: filename, mimetype: mimeTypeOf(filename), size: buffer.length },
      req,
    })
    return media.id
  },
})

const mimeTypeOf = (filename: string): string => {
  const extension = path.extname(filename).toLowerCase()
  const types: Record<string, string> = {
    '.jpg': 'image/jpeg',
    '.jpeg': 'image/jpeg',
    '.png': 'image/png',
    '.webp': 'image/webp',
    '.avif': 'image/avif',
  }
  return types[extension] ?? 'application/octet-stream'
}
