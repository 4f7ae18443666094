import { existsSync } from 'node:fs'
import { readdir, readFile } from 'node:fs/promises'
import path from 'node:path'

import type { Field } from 'payload'
import { parse } from 'yaml'

import { checkSources, type SourcedRecord } from '@/fields/sourceQuality'
import { parseFrontMatter } from '@/import/frontMatter'
import { markdownToLexical } from '@/import/markdownToLexical'
import { dropPromotionalLines } from '@/import/promotionalLines'
import { isLocale, localeCodes, sourceLocale as defaultSourceLocale, type Locale } from '@/lib/locales'
import { translatableContent } from '@/translation/sourceContent'
import { translatableFields } from '@/translation/translatableFields'

import { checkDocumentLocale } from './document'
import type { Finding, GlossaryTerm } from './types'

/** The rich-text field a Markdown body fills, as the importer has it (src/import/importDocument.ts). */
const bodyField: Record<string, string> = { articles: 'body', carriers: 'description', tips: 'body' }

export type FileFinding = Finding & { file: string }

/** The glossary of a `glossary.yaml`, as the Glossary collection holds it. */
export const readGlossaryFile = async (file: string): Promise<GlossaryTerm[]> => {
  if (!existsSync(file)) return []
  const rows = (parse(await readFile(file, 'utf8')) ?? []) as Record<string, unknown>[]
  return rows.map((row) => ({
    forms: Object.fromEntries(localeCodes.flatMap((code) => (typeof row[code] === 'string' ? [[code, row[code]]] : []))),
    doNotTranslate: row.doNotTranslate === true,
  }))
}

/** One Markdown file as the document's values in its locale: front matter, and the body as rich text, parsed as the importer does. */
const readDocumentFile = async (file: string, collection: string): Promise<Record<string, unknown>> => {
  const { data, body, bodyLine } = parseFrontMatter(await readFile(file, 'utf8'), file)
  const { kept } = dropPromotionalLines(body, bodyLine)
  const values: Record<string, unknown> = { ...data }
  if (kept.trim()) {
    // No database: an embed or an image stands for itself, the same in every locale.
    values[bodyField[collection]!] = await markdownToLexical(kept, {
      file,
      firstLine: 1,
      resolver: { embed: async ({ kind, slug }) => `${kind}:${slug}`, image: async (src) => `image:${src}` },
    })
  }
  return values
}

const asDateString = (value: unknown): string | null =>
  value instanceof Date ? value.toISOString() : typeof value === 'string' ? value : null

/**
 * Every QA and source check over a content folder (`content/<collection>/<key>/<locale>.md`),
 * with no database: each translation against its source file, each locale's typography, each
 * source-locale file's sources. `collections` gives each collection's fields, for what is translatable.
 */
export const checkContentFolder = async (
  dir: string,
  collections: Record<string, Field[]>,
  { now = new Date(), glossaryFile = path.join(dir, 'glossary.yaml') }: { now?: Date; glossaryFile?: string } = {},
): Promise<FileFinding[]> => {
  const glossary = await readGlossaryFile(glossaryFile)
  const out: FileFinding[] = []
  for (const collection of Object.keys(bodyField)) {
    const collectionDir = path.join(dir, collection)
    if (!existsSync(collectionDir) || !collections[collection]) continue
    const fields = translatableFields(collections[collection])
    for (const key of (await readdir(collectionDir)).sort()) {
      const files = new Map<Locale, string>()
      for (const name of await readdir(path.join(collectionDir, key)).catch(() => [] as string[])) {
        const locale = name.replace(/\.md$/, '')
        if (name.endsWith('.md') && isLocale(locale)) files.set(locale, path.join(collectionDir, key, name))
      }
      const docs = new Map<Locale, Record<string, unknown>>()
      for (const [locale, file] of files) docs.set(locale, await readDocumentFile(file, collection))
      const declared = [...docs.values()].map((doc) => doc.sourceLocale).find(isLocale)
      const source = declared ?? defaultSourceLocale
      const sourceDoc = docs.get(source)
      for (const [locale, doc] of docs) {
        const file = files.get(locale)!
        const isSource = locale === source
        // A translation's array rows are the source's, in order: it gives their localized parts.
        const content = translatableContent(doc, fields)
        const findings = checkDocumentLocale({
          content,
          locale,
          source: !isSource && sourceDoc ? { content: translatableContent(sourceDoc, fields), locale: source } : null,
          glossary,
        })
        if (isSource) {
          const record: SourcedRecord = {
            sources: doc.sources as SourcedRecord['sources'],
            lastVerified: asDateString(doc.lastVerified),
            website: typeof doc.website === 'string' ? doc.website : null,
          }
          // Every content collection carries sources (src/fields/sources.ts).
          findings.push(...checkSources(record, { now }))
        }
        out.push(...findings.map((finding) => ({ ...finding, file })))
      }
    }
  }
  return out
}
