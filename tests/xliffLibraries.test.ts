import { js2xliff, xliff2js } from 'xliff'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { startApiServer } from './helpers/apiServer'
import { startPayload, type TestPayload } from './helpers/payload'
import { createStaff, staffHeaders } from './helpers/users'

/**
 * XLIFF as a common library writes it back: a file exported by Lagon, read and written by the
 * `xliff` npm package (xliff2js / js2xliff), loses Lagon's metadata, originalData, states and
 * xml:space, and lays mixed content out on several lines. Lagon imports it by its file and unit
 * ids, marks the translation for review, and keeps none of the layout in the text.
 */
let db: TestPayload
let api: Awaited<ReturnType<typeof startApiServer>>
let editor: Record<string, string>
/** A seeded document whose text has inline markup (mixed content, which js2xliff lays out on several lines). */
let subject: { collection: string; id: number }

beforeAll(async () => {
  db = await startPayload('seeded')
  api = await startApiServer()
  await createStaff(db.payload)
  editor = (await staffHeaders(api.url)).editor
  for (const collection of ['tips', 'articles']) {
    const response = await fetch(`${api.url}/api/xliff/export?locale=fr&collection=${collection}`, { headers: editor })
    const { resources } = (await xliff2js(await response.text())) as { resources: Resources }
    const mixed = Object.entries(resources).find(([, units]) => Object.values(units).some((unit) => Array.isArray(unit.source)))
    if (mixed) {
      subject = { collection, id: Number(mixed[0].split('-').pop()) }
      break
    }
  }
  expect(subject).toBeDefined()
})
afterAll(async () => {
  await api?.close()
  await db?.close()
})

type Inline = string | Record<string, { contents?: Inline | Inline[] } & Record<string, unknown>>
type Resources = Record<string, Record<string, { source: Inline | Inline[]; target?: Inline | Inline[] }>>

/** A "translation" a test can recognise: every text run of the source, marked, its inline codes kept. */
const translate = (value: Inline | Inline[]): Inline | Inline[] => {
  if (Array.isArray(value)) return value.map((item) => translate(item) as Inline)
  if (typeof value === 'string') return value.trim() ? `FR(${value})` : value
  return Object.fromEntries(Object.entries(value).map(([tag, element]) => [tag, { ...element, ...(element.contents !== undefined && { contents: translate(element.contents) }) }]))
}

const exported = async () => {
  const response = await fetch(`${api.url}/api/xliff/export?locale=fr&collection=${subject.collection}&ids=${subject.id}`, { headers: editor })
  expect(response.status).toBe(200)
  return response.text()
}
const importXliff = async (xml: string) => {
  const response = await fetch(`${api.url}/api/xliff/import`, { method: 'POST', headers: { ...editor, 'content-type': 'application/xliff+xml' }, body: xml })
  return { status: response.status, body: (await response.json()) as { files?: { written: string[]; sourceUnknown?: boolean }[]; errors?: { message: string }[] } }
}

/** Every text of a Lexical tree, in order. */
const texts = (node: unknown): string[] => {
  if (!node || typeof node !== 'object') return []
  const record = node as { text?: unknown; children?: unknown[]; root?: unknown }
  if (typeof record.text === 'string') return [record.text]
  return [...(record.root ? texts(record.root) : []), ...(record.children ?? []).flatMap(texts)]
}

describe('XLIFF written back by the xliff npm package', () => {
  it('imports cleanly: units matched by id, the translation marked for review, no layout white space in the text', async () => {
    const js = (await xliff2js(await exported())) as { resources: Resources }
    const file = js.resources[`${subject.collection}-${subject.id}`]!
    expect(Object.keys(file).length).toBeGreaterThan(1)
    for (const unit of Object.values(file)) unit.target = translate(unit.source)
    const written = (await js2xliff(js)) as string
    // What the library dropped: the reason the import has to cope.
    expect(written).not.toContain('mda:metadata')
    expect(written).not.toContain('xml:space')
    expect(written).toMatch(/<target>[^<]*\n\s+<pc /)

    const { status, body } = await importXliff(written)
    expect(status, JSON.stringify(body)).toBe(200)
    expect(body.files?.[0]?.sourceUnknown).toBe(true)
    expect(body.files?.[0]?.written).toEqual(expect.arrayContaining(['title', 'body']))

    const draft = await db.payload.findByID({ collection: subject.collection as 'tips', id: subject.id, locale: 'fr', fallbackLocale: false, draft: true, depth: 0 })
    expect(draft.title).toMatch(/^FR\(.+\)$/)
    const words = texts(draft.body)
    expect(words.length).toBeGreaterThan(1)
    for (const word of words) expect(word, JSON.stringify(words)).not.toMatch(/\n|\s{2,}/)
    expect(words.join('')).toContain('FR(')
    expect((draft as { translation?: { status?: string } }).translation?.status).toBe('needs-review')
  })

  it('keeps white space as it is where the file says xml:space="preserve"', async () => {
    const js = (await xliff2js(await exported())) as { resources: Resources }
    const file = js.resources[`${subject.collection}-${subject.id}`]!
    file.title!.target = 'Deux  espaces'
    const preserved = ((await js2xliff(js)) as string).replace('<file ', '<file xml:space="preserve" ')
    expect((await importXliff(preserved)).status).toBe(200)
    const draft = await db.payload.findByID({ collection: subject.collection as 'tips', id: subject.id, locale: 'fr', fallbackLocale: false, draft: true, depth: 0 })
    expect(draft.title).toBe('Deux  espaces')
  })

  it('refuses with a 400 only a unit or a file it cannot match, naming it', async () => {
    const js = (await xliff2js(await exported())) as { resources: Resources }
    const file = js.resources[`${subject.collection}-${subject.id}`]!
    file['nope.0'] = { source: 'x', target: 'y' }
    const unknownUnit = await importXliff((await js2xliff(js)) as string)
    expect(unknownUnit.status).toBe(400)
    expect(unknownUnit.body.errors?.[0]?.message).toContain('nope.0')
    delete file['nope.0']
    const renamed = { ...js, resources: { somefile: file } }
    const unknownFile = await importXliff((await js2xliff(renamed)) as string)
    expect(unknownFile.status).toBe(400)
    expect(unknownFile.body.errors?.[0]?.message).toContain('somefile')
  })
})
