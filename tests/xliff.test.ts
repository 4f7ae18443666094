import { execFile } from 'node:child_process'
import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

import { XMLBuilder, XMLParser, XMLValidator } from 'fast-xml-parser'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { lagonCommand } from '@/cli/processes'
import { heading, link, list, listItem, paragraph, root, text, textFormat } from '@/import/lexicalNodes'
import { messagesOf } from '@/messages'
import { canonicalJson } from '@/translation/fingerprint'
import { orderedXmlOptions } from '@/translation/xml'

import { startApiServer } from './helpers/apiServer'
import { startPayload, type TestPayload } from './helpers/payload'
import { createStaff, staffHeaders } from './helpers/users'

const collections = ['articles', 'carriers', 'tips'] as const
const locales = ['zh', 'en', 'fr'] as const

let db: TestPayload
let api: Awaited<ReturnType<typeof startApiServer>>
let headers: Record<'admin' | 'editor' | 'translator', Record<string, string>>
let guideId: number

type XmlNode = Record<string, unknown> & { ':@'?: Record<string, string> }
const xmlOptions = { ...orderedXmlOptions, suppressEmptyNode: true } as const
const parse = (xml: string) => new XMLParser(xmlOptions).parse(xml) as XmlNode[]
const build = (tree: XmlNode[]) => new XMLBuilder(xmlOptions).build(tree) as string
const nameOf = (node: XmlNode) => Object.keys(node).find((key) => key !== ':@')!
const kids = (node: XmlNode, name?: string) =>
  ((node[nameOf(node)] as XmlNode[]) ?? []).filter((child) => !('#text' in child) && (!name || nameOf(child) === name))
const attrs = (node: XmlNode) => node[':@'] ?? {}

beforeAll(async () => {
  db = await startPayload('seeded')
  api = await startApiServer()
  await createStaff(db.payload)
  headers = await staffHeaders(api.url)
  const { docs } = await db.payload.find({ collection: 'articles', locale: 'zh', limit: 1, depth: 0 })
  guideId = docs[0]!.id
})
afterAll(async () => {
  await api?.close()
  await db?.close()
})

const exportXliff = async (query: string, auth: Record<string, string> = headers.editor) => {
  const response = await fetch(`${api.url}/api/xliff/export?${query}`, { headers: auth })
  return { status: response.status, type: response.headers.get('content-type'), xml: await response.text() }
}

const importXliff = async (xml: string, auth: Record<string, string> = headers.editor) => {
  const response = await fetch(`${api.url}/api/xliff/import`, {
    method: 'POST',
    headers: { ...auth, 'content-type': 'application/xliff+xml' },
    body: xml,
  })
  return { status: response.status, body: (await response.json()) as { files?: { collection: string; id: number; written: string[] }[]; errors?: { message: string }[] } }
}

/** Every document in every locale (latest drafts and published versions), and the version counts: the whole content. */
const snapshot = async () => {
  const out: Record<string, unknown> = {}
  for (const collection of collections) {
    for (const locale of locales) {
      for (const draft of [true, false]) {
        const { docs } = await db.payload.find({ collection, locale, fallbackLocale: false, draft, depth: 0, pagination: false, sort: 'id' })
        out[`${collection}/${locale}/${draft ? 'draft' : 'published'}`] = docs
      }
    }
    out[`${collection}/versions`] = (await db.payload.countVersions({ collection })).totalDocs
  }
  return JSON.parse(canonicalJson(out)) as Record<string, unknown>
}

/** The XLIFF 2.0 core structure (namespace, version, languages, required ids, inline codes that point at original data). */
const checkXliff = (xml: string, srcLang: string, trgLang: string) => {
  expect(XMLValidator.validate(xml)).toBe(true)
  const roots = parse(xml).filter((node) => nameOf(node) !== '?xml')
  expect(roots).toHaveLength(1)
  const [xliff] = roots
  expect(nameOf(xliff!)).toBe('xliff')
  expect(attrs(xliff!)).toMatchObject({ xmlns: 'urn:oasis:names:tc:xliff:document:2.0', version: '2.0', srcLang, trgLang })
  const files = kids(xliff!, 'file')
  expect(files.length).toBeGreaterThan(0)
  const fileIds = new Set<string>()
  for (const file of files) {
    const fileId = attrs(file).id!
    expect(fileId).toMatch(/^[\w.:-]+$/)
    expect(fileIds.has(fileId)).toBe(false)
    fileIds.add(fileId)
    const units = kids(file, 'unit')
    expect(units.length).toBeGreaterThan(0)
    const unitIds = new Set<string>()
    for (const unit of units) {
      const unitId = attrs(unit).id!
      expect(unitId).toMatch(/^[\w.:-]+$/)
      expect(unitIds.has(unitId)).toBe(false)
      unitIds.add(unitId)
      const dataIds = new Set(kids(unit, 'originalData').flatMap((data) => kids(data, 'data').map((entry) => attrs(entry).id)))
      const segments = kids(unit, 'segment')
      expect(segments.length).toBeGreaterThan(0)
      for (const segment of segments) {
        expect(kids(segment, 'source')).toHaveLength(1)
        expect(kids(segment, 'target').length).toBeLessThanOrEqual(1)
        const codes = (node: XmlNode): XmlNode[] => kids(node).flatMap((child) => [child, ...codes(child)])
        const sourceCodes = codes(kids(segment, 'source')[0]!)
        for (const code of sourceCodes) {
          expect(['pc', 'ph']).toContain(nameOf(code))
          expect(dataIds.has(attrs(code).dataRef ?? attrs(code).dataRefStart)).toBe(true)
        }
        const sourceIds = sourceCodes.map((code) => attrs(code).id).sort()
        const target = kids(segment, 'target')[0]
        if (target) expect(codes(target).map((code) => attrs(code).id).sort()).toEqual(sourceIds)
      }
    }
  }
  return files
}

/** Changes targets: `edit(unitId, source children, target children)` returns the new target children or undefined to keep. */
const editTargets = (xml: string, edit: (unitId: string, source: XmlNode[], target: XmlNode[] | undefined) => XmlNode[] | undefined) => {
  const tree = parse(xml)
  const xliff = tree.find((node) => nameOf(node) === 'xliff')!
  for (const file of kids(xliff, 'file')) {
    for (const unit of kids(file, 'unit')) {
      for (const segment of kids(unit, 'segment')) {
        const children = segment.segment as XmlNode[]
        const source = kids(segment, 'source')[0]!
        const targetNode = kids(segment, 'target')[0]
        const next = edit(attrs(unit).id!, source.source as XmlNode[], targetNode?.target as XmlNode[] | undefined)
        if (next === undefined) continue
        if (targetNode) targetNode.target = next
        else children.splice(children.indexOf(source) + 1, 0, { target: next })
      }
    }
  }
  return build(tree)
}

/** A translation of source inline content: the same codes, each text run marked. */
const translated = (nodes: XmlNode[], marker: string): XmlNode[] => {
  let first = true
  const walk = (list: XmlNode[]): XmlNode[] =>
    list.map((node) => {
      if ('#text' in node) {
        const out = { '#text': `${first ? marker : ''}${String(node['#text'])}` }
        first = false
        return out
      }
      const name = nameOf(node)
      return { [name]: walk(node[name] as XmlNode[]), ...(node[':@'] ? { ':@': node[':@'] } : {}) }
    })
  return walk(structuredClone(nodes))
}

const readDraft = async (collection: (typeof collections)[number], id: number, locale: (typeof locales)[number]) =>
  (await db.payload.findByID({ collection, id, locale, fallbackLocale: false, draft: true, depth: 0 })) as unknown as Record<string, unknown>

const shape = (node: unknown): unknown => {
  if (Array.isArray(node)) return node.map(shape)
  if (node && typeof node === 'object') {
    return Object.fromEntries(Object.entries(node as Record<string, unknown>).map(([key, value]) => [key, key === 'text' ? '' : shape(value)]))
  }
  return node
}

describe('XLIFF 2.0 export', () => {
  it('exports the seeded guide as valid XLIFF 2.0: one file per document with its metadata, one unit per field or block', async () => {
    const { status, type, xml } = await exportXliff('locale=en')
    expect(status).toBe(200)
    expect(type).toContain('application/xliff+xml')
    const files = checkXliff(xml, 'zh', 'en')
    expect(files).toHaveLength(10)
    const guide = files.find((file) => attrs(file).id === `articles-${guideId}`)!
    const meta = Object.fromEntries(
      kids(kids(kids(guide, 'mda:metadata')[0]!, 'mda:metaGroup')[0]!, 'mda:meta').map((entry) => [attrs(entry).type, String((entry['mda:meta'] as XmlNode[])[0]!['#text'])]),
    )
    expect(meta).toMatchObject({ collection: 'articles', id: String(guideId) })
    expect(meta.sourceFingerprint).toMatch(/^[0-9a-f]{32}$/)
    const unitIds = kids(guide, 'unit').map((unit) => attrs(unit).id)
    expect(unitIds).toEqual(expect.arrayContaining(['title', 'summary', 'seo.title', 'seo.description', 'body:0']))
    // Rich text: headings, list items, table cells and callouts are units of their own; embeds are not.
    expect(unitIds.filter((unitId) => unitId!.startsWith('body:')).length).toBeGreaterThan(20)
    expect(xml).toContain('type="link"')
    expect(xml).toContain('subType="xlf:b"')
    // The current English title is the target of the title unit.
    const english = await readDraft('articles', guideId, 'en')
    const titleUnit = kids(guide, 'unit').find((unit) => attrs(unit).id === 'title')!
    const target = kids(kids(titleUnit, 'segment')[0]!, 'target')[0]!
    expect((target.target as XmlNode[])[0]!['#text']).toBe(english.title)
  })

  it('filters by collection, ids and status', async () => {
    const tips = await exportXliff('locale=fr&collection=tips')
    expect(checkXliff(tips.xml, 'zh', 'fr').map((file) => attrs(file).id!.split('-')[0])).toEqual(Array(6).fill('tips'))
    const one = await exportXliff(`locale=fr&collection=articles&ids=${guideId}`)
    expect(checkXliff(one.xml, 'zh', 'fr')).toHaveLength(1)
    expect((await exportXliff('locale=fr&status=needs-review')).status).toBe(404)
    expect((await exportXliff('locale=fr&status=bogus')).status).toBe(400)
    expect((await exportXliff('locale=zh')).status).toBe(400)
    expect((await exportXliff('locale=de')).status).toBe(400)
  })

  it('is for staff only, and translators only in their locales', async () => {
    expect((await exportXliff('locale=fr', {})).status).toBe(401)
    expect((await exportXliff('locale=en', headers.translator)).status).toBe(403)
    expect((await exportXliff('locale=fr', headers.translator)).status).toBe(200)
    const english = (await exportXliff('locale=en')).xml
    expect((await importXliff(english, headers.translator)).status).toBe(403)
    expect((await importXliff(english, {})).status).toBe(401)
  })

  it.each([
    ['en', 'en'],
    ['fr', 'fr'],
    ['zh', 'zh'],
    ['zh-TW', 'zh-Hant'],
  ] as const)("refuses a parameter by name, saying why in the request's language (Accept-Language %s)", async (language, locale) => {
    const refusal = async (query: string, auth: Record<string, string>, status: number) => {
      const response = await exportXliff(query, { ...auth, 'Accept-Language': language })
      expect(response.status).toBe(status)
      return (JSON.parse(response.xml) as { errors: { message: string }[] }).errors[0]!.message
    }
    const said = messagesOf(locale).translationRefusals
    expect([
      await refusal('locale=fr', {}, 401),
      await refusal('locale=en', headers.translator, 403),
      await refusal('locale=zh', headers.editor, 400),
      await refusal('locale=fr&collection=media', headers.editor, 400),
      await refusal('locale=fr&ids=1', headers.editor, 400),
      await refusal('locale=fr&status=lost', headers.editor, 400),
    ]).toEqual([
      said.logIn,
      `locale: ${said.mayNotTranslateInto('en')}`,
      `locale: ${said.sameAsSource('zh')}`,
      `collection: ${said.notOneOf('media', ['articles', 'carriers', 'tips'])}`,
      `collection: ${said.requiredWithIds}`,
      `status: ${said.notOneOf('lost', ['missing', 'in-progress', 'needs-review', 'done', 'outdated'])}`,
    ])
  })
})

describe('XLIFF 2.0 round trip', () => {
  it('export → import without changes leaves every document identical, zh→en and zh→fr', async () => {
    const before = await snapshot()
    for (const locale of ['en', 'fr']) {
      const { xml } = await exportXliff(`locale=${locale}`)
      const imported = await importXliff(xml)
      expect(imported.status, JSON.stringify(imported.body)).toBe(200)
      expect(imported.body.files).toHaveLength(10)
      expect(imported.body.files!.flatMap((file) => file.written)).toEqual([])
    }
    expect(await snapshot()).toEqual(before)
  })

  it('edited targets change exactly those fields, as a needs-review draft; the new text round-trips losslessly', async () => {
    const before = await readDraft('articles', guideId, 'fr')
    const publishedBefore = await db.payload.findByID({ collection: 'articles', id: guideId, locale: 'fr', fallbackLocale: false, depth: 0 })
    const others = await snapshot()
    const { xml } = await exportXliff(`locale=fr&collection=articles&ids=${guideId}`)
    const edited = editTargets(xml, (unitId, source) => {
      if (unitId === 'title') return [{ '#text': 'Titre modifié' }]
      if (unitId.startsWith('body:')) return translated(source, '[fr] ')
      return undefined
    })
    const imported = await importXliff(edited)
    expect(imported.status, JSON.stringify(imported.body)).toBe(200)
    expect(imported.body.files![0]!.written.sort()).toEqual(['body', 'title'])

    const after = await readDraft('articles', guideId, 'fr')
    const source = await readDraft('articles', guideId, 'zh')
    expect(after.title).toBe('Titre modifié')
    expect(shape(after.body)).toEqual(shape(source.body))
    expect(JSON.stringify(after.body)).toContain('[fr] ')
    for (const field of ['summary', 'seo', 'slug', 'sources', 'relatedCarriers', 'tips']) expect(after[field]).toEqual(before[field])
    expect(after.translation).toMatchObject({ status: 'needs-review' })
    expect(after._status).toBe('draft')
    // The published French version is as it was; so is every other document.
    // (Its revision counts every save of the document, drafts included: it is the document's, not the version's.)
    const publishedAfter = await db.payload.findByID({ collection: 'articles', id: guideId, locale: 'fr', fallbackLocale: false, depth: 0 })
    expect({ ...publishedAfter, revision: undefined }).toEqual({ ...publishedBefore, revision: undefined })
    const now = await snapshot()
    for (const key of Object.keys(others).filter((key) => !key.startsWith('articles/'))) expect(now[key]).toEqual(others[key])

    // The body now has the source's structure, so it is exported as targets and comes back unchanged.
    const again = await exportXliff(`locale=fr&collection=articles&ids=${guideId}`)
    checkXliff(again.xml, 'zh', 'fr')
    expect(again.xml).toContain('<target>[fr] ')
    const unchanged = await importXliff(again.xml)
    expect(unchanged.body.files![0]!.written).toEqual([])
    expect(await snapshot()).toEqual(now)
  })

  it('an en-source document round-trips to zh and fr', async () => {
    const { id } = await db.payload.create({
      collection: 'articles',
      locale: 'en',
      data: {
        title: 'Getting online in New Caledonia',
        summary: 'One operator, OPT-NC.',
        destination: 'NC',
        sourceLocale: 'en',
        body: root([
          heading(2, [text('Data')]),
          paragraph([text('Buy a '), text('Tourism card', textFormat.bold), text(' at '), link('https://opt.nc/', [text('OPT')]), text('.')]),
          list(true, 1, [listItem(1, [text('Keep your number')]), listItem(2, [text('Carry cash', textFormat.italic)])]),
        ]),
        _status: 'published',
      } as never,
      depth: 0,
    })
    for (const locale of ['zh', 'fr'] as const) {
      const { status, xml } = await exportXliff(`locale=${locale}&sourceLocale=en&collection=articles&ids=${id}`)
      expect(status).toBe(200)
      checkXliff(xml, 'en', locale)
      const imported = await importXliff(editTargets(xml, (_unitId, source) => translated(source, `[${locale}] `)))
      expect(imported.status, JSON.stringify(imported.body)).toBe(200)
      const target = await readDraft('articles', id, locale)
      expect(target.title).toBe(`[${locale}] Getting online in New Caledonia`)
      expect(shape(target.body)).toEqual(shape((await readDraft('articles', id, 'en')).body))
      const before = await snapshot()
      expect((await importXliff((await exportXliff(`locale=${locale}&sourceLocale=en&collection=articles&ids=${id}`)).xml)).status).toBe(200)
      expect(await snapshot()).toEqual(before)
    }
    // A zh-source batch refuses an en-source document.
    expect((await exportXliff(`locale=fr&collection=articles&ids=${id}`)).status).toBe(400)
  })
})

describe('npm run xliff', () => {
  it('exports what the endpoint exports, and imports it back unchanged', async () => {
    const root = path.join(import.meta.dirname, '..')
    const out = path.join(mkdtempSync(path.join(tmpdir(), 'lagon-xliff-')), 'tips-fr.xlf')
    // Run without blocking this process: the API server the test also calls lives in it.
    const cli = (...args: string[]) =>
      new Promise<{ status: number; stdout: string; stderr: string }>((resolve) => {
        execFile(
          ...lagonCommand('xliff', ...args),
          { cwd: root, env: { ...process.env, DATABASE_URL: db.databaseUrl, NODE_OPTIONS: '--no-deprecation' }, encoding: 'utf8' },
          (error, stdout, stderr) => resolve({ status: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
        )
      })
    const exported = await cli('export', '--locale', 'fr', '--collection', 'tips', '--out', out)
    expect(exported.status, exported.stderr).toBe(0)
    expect(readFileSync(out, 'utf8')).toBe((await exportXliff('locale=fr&collection=tips')).xml)
    const before = await snapshot()
    const imported = await cli('import', out)
    expect(imported.status, imported.stderr).toBe(0)
    expect(imported.stdout).toMatch(/tips \d+: unchanged/)
    expect(await snapshot()).toEqual(before)
    const bad = await cli('export', '--locale', 'xx')
    expect(bad.status).toBe(1)
    expect(bad.stderr).toMatch(/locale: "xx" is not a locale/)
  })
})

describe('bad XLIFF is refused with 400 and nothing written', () => {
  let edited: string

  beforeAll(async () => {
    // A valid file that would change a tip's title and the guide's title: any partial write would show.
    const { xml } = await exportXliff('locale=en&collection=tips')
    const tipsEdited = editTargets(xml, (unitId) => (unitId === 'title' ? [{ '#text': 'Changed title' }] : undefined))
    const guide = (await exportXliff(`locale=en&collection=articles&ids=${guideId}`)).xml
    const guideEdited = editTargets(guide, (unitId, source) =>
      unitId === 'title' ? [{ '#text': 'Changed guide title' }] : unitId.startsWith('body:') ? translated(source, '[en] ') : undefined,
    )
    // One batch: the tips' files, then the guide's.
    const tipsTree = parse(tipsEdited)
    const guideFile = kids(parse(guideEdited).find((node) => nameOf(node) === 'xliff')!, 'file')[0]!
    ;(tipsTree.find((node) => nameOf(node) === 'xliff')!.xliff as XmlNode[]).push(guideFile)
    edited = build(tipsTree)
    checkXliff(edited, 'zh', 'en')
  })

  const refused = async (xml: string, message: RegExp) => {
    const before = await snapshot()
    const { status, body } = await importXliff(xml)
    expect(status, JSON.stringify(body)).toBe(400)
    expect(body.errors?.[0]?.message).toMatch(message)
    expect(await snapshot()).toEqual(before)
  }

  it('malformed XML', () => refused(edited.slice(0, Math.floor(edited.length / 2)), /malformed XML at line \d+/))

  it.each([
    ['en', 'en'],
    ['fr', 'fr'],
    ['zh', 'zh'],
    ['zh-TW', 'zh-Hant'],
  ] as const)("in the request's language, xliff: first and the parser's detail after (Accept-Language %s)", async (language, locale) => {
    const said = messagesOf(locale).translationRefusals
    const { status, body } = await importXliff('<xliff><file>', { ...headers.editor, 'Accept-Language': language })
    expect(status).toBe(400)
    const message = body.errors![0]!.message
    const detail = XMLValidator.validate('<xliff><file>')
    if (detail === true) throw new Error('the XML should be malformed')
    expect(message).toBe(`xliff: ${said.malformedXml(detail.err.line, detail.err.col, detail.err.msg)}`)
    const doctype = await importXliff(edited.replace('<xliff ', '<!DOCTYPE xliff>\n<xliff '), { ...headers.editor, 'Accept-Language': language })
    expect(doctype.body.errors![0]!.message).toBe(`xliff: ${said.doctype}`)
    const empty = await importXliff(' ', { ...headers.editor, 'Accept-Language': language })
    expect(empty.body.errors![0]!.message).toBe(`xliff: ${said.emptyBody}`)
    if (locale !== 'en') expect(message).not.toBe(`xliff: ${messagesOf('en').translationRefusals.malformedXml(detail.err.line, detail.err.col, detail.err.msg)}`)
  })

  it('a document type declaration (entity expansion)', () =>
    refused(edited.replace('<xliff ', '<!DOCTYPE xliff [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;">]>\n<xliff '), /<!DOCTYPE>/))

  it('not XLIFF 2.0', async () => {
    await refused(edited.replace('version="2.0"', 'version="1.2"'), /not XLIFF 2\.0/)
    await refused(edited.replace('urn:oasis:names:tc:xliff:document:2.0', 'urn:oasis:names:tc:xliff:document:1.2'), /namespace/)
    await refused('<?xml version="1.0"?><html><body/></html>', /not <xliff>/)
  })

  it('an unknown document or unit', async () => {
    const guideMeta = `<mda:meta type="collection">articles</mda:meta><mda:meta type="id">${guideId}</mda:meta>`
    expect(edited).toContain(guideMeta)
    await refused(edited.replace(guideMeta, '<mda:meta type="collection">articles</mda:meta><mda:meta type="id">999999</mda:meta>'), /unknown document articles 999999/)
    await refused(edited.replace('<unit id="summary"', '<unit id="no-such-field"'), /unknown unit "no-such-field"/)
  })

  it('a wrong locale', async () => {
    await refused(edited.replace('trgLang="en"', 'trgLang="zh"'), /trgLang "zh" is the source locale/)
    await refused(edited.replace('trgLang="en"', 'trgLang="de"'), /trgLang "de" is not a locale/)
    await refused(edited.replace('srcLang="zh"', 'srcLang="fr"'), /srcLang "fr" is not the source locale/)
  })

  it('markup that does not match the source', async () => {
    const dropped = editTargets(edited, (unitId, source, target) => {
      if (!target || !unitId.startsWith('body:')) return undefined
      // Unwrap every <pc>: the text stays, the formatting codes are gone.
      const flat = (nodes: XmlNode[]): XmlNode[] => nodes.flatMap((node) => ('#text' in node ? [node] : nameOf(node) === 'pc' ? flat(node.pc as XmlNode[]) : [node]))
      return flat(target)
    })
    expect(dropped).not.toBe(edited)
    await refused(dropped, /markup does not match the source/)
    const invented = editTargets(edited, (unitId, _source, target) =>
      unitId === 'body:0' && target ? [...target, { ph: [], ':@': { id: '99', dataRef: 'd99' } }] : undefined,
    )
    await refused(invented, /markup does not match the source: <ph id="99"\/> is not in the source/)
    const textField = editTargets(edited, (unitId) => (unitId === 'summary' ? [{ pc: [{ '#text': 'x' }], ':@': { id: '1' } }] : undefined))
    await refused(textField, /unit "summary".*<pc id="1"> is not in the source/)
  })

  it('a file made from an older source', async () => {
    await db.payload.update({ collection: 'articles', id: guideId, locale: 'zh', data: { title: '新的源标题' }, depth: 0 })
    await refused(edited, /made from an older version of the source/)
  })
})
