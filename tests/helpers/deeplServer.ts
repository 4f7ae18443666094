import { randomUUID } from 'node:crypto'
import { createServer, type IncomingMessage } from 'node:http'
import type { AddressInfo } from 'node:net'

/** A request as the DeepL client sent it: form fields with repeats (`text`) kept. */
export type DeeplRequest = { method: string; path: string; form: URLSearchParams; auth: string | undefined }

type StoredGlossary = {
  glossary_id: string
  name: string
  ready: boolean
  source_lang: string
  target_lang: string
  creation_time: string
  entry_count: number
  entries: [string, string][]
}

const readBody = (req: IncomingMessage): Promise<string> =>
  new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
    req.on('error', reject)
  })

/**
 * A local server speaking DeepL's `/v2` API as deepl-node calls it (form-encoded bodies,
 * `DeepL-Auth-Key` header, JSON answers, TSV glossary entries). It "translates" deterministically:
 * `[fr] ` before each text, glossary terms replaced by their target term, tags and the content of
 * `ignore_tags` left as they are; so tests can tell what was translated, with which glossary.
 */
export const startDeeplServer = async (authKey: string) => {
  const requests: DeeplRequest[] = []
  const glossaries = new Map<string, StoredGlossary>()

  const translate = (text: string, target: string, ignoreTags: string[], glossary: StoredGlossary | undefined): string => {
    const ignored = ignoreTags.map((tag) => `<${tag}\\b[^>]*>[\\s\\S]*?</${tag}>|<${tag}\\b[^>]*/>`).join('|')
    const pieces = ignored ? text.split(new RegExp(`(${ignored})`)) : [text]
    const translated = pieces
      .map((piece, index) => {
        if (index % 2 === 1) return piece
        // Replace text between tags only, never a tag itself.
        return piece.replace(/(^|>)([^<]*)/g, (_match, open: string, words: string) => {
          let out = words
          for (const [from, to] of glossary?.entries ?? []) out = out.split(from).join(to)
          return open + out
        })
      })
      .join('')
    // The marker goes inside leading formatting tags, so a translated block keeps its inline shape.
    const lead = translated.match(/^(?:<(?!c\b|x\b|br\b)[a-z]+\b[^>]*>)*/)![0]
    return `${lead}[${target.toLowerCase()}] ${translated.slice(lead.length)}`
  }

  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://deepl.local')
    const body = await readBody(req)
    const form = new URLSearchParams(req.method === 'GET' ? url.search : body)
    requests.push({ method: req.method ?? '', path: url.pathname, form, auth: req.headers.authorization })
    const json = (status: number, value: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(value))
    }
    if (req.headers.authorization !== `DeepL-Auth-Key ${authKey}`) return json(403, { message: 'Wrong auth key' })

    const glossaryMatch = url.pathname.match(/^\/v2\/glossaries\/([^/]+)(\/entries)?$/)
    if (req.method === 'POST' && url.pathname === '/v2/translate') {
      const texts = form.getAll('text')
      const glossaryId = form.get('glossary_id')
      const glossary = glossaryId ? glossaries.get(glossaryId) : undefined
      if (glossaryId && !glossary) return json(404, { message: 'Glossary not found' })
      if (glossary && (form.get('source_lang')?.toLowerCase() !== glossary.source_lang || !form.get('target_lang')?.toLowerCase().startsWith(glossary.target_lang))) {
        return json(400, { message: 'Glossary language pair does not match' })
      }
      const ignoreTags = (form.get('ignore_tags') ?? '').split(',').filter(Boolean)
      const target = form.get('target_lang') ?? ''
      return json(200, {
        translations: texts.map((text) => ({
          detected_source_language: (form.get('source_lang') ?? 'ZH').toUpperCase(),
          text: translate(text, target.split('-')[0]!, ignoreTags, glossary),
          billed_characters: text.length,
        })),
      })
    }
    if (req.method === 'GET' && url.pathname === '/v2/glossaries') {
      return json(200, { glossaries: [...glossaries.values()].map(({ entries: _entries, ...info }) => info) })
    }
    if (req.method === 'POST' && url.pathname === '/v2/glossaries') {
      if (form.get('entries_format') !== 'tsv') return json(400, { message: 'Unsupported entries format' })
      const entries = (form.get('entries') ?? '')
        .split('\n')
        .filter(Boolean)
        .map((line) => line.split('\t') as [string, string])
      const glossary: StoredGlossary = {
        glossary_id: randomUUID(),
        name: form.get('name') ?? '',
        ready: true,
        source_lang: form.get('source_lang') ?? '',
        target_lang: form.get('target_lang') ?? '',
        creation_time: new Date().toISOString(),
        entry_count: entries.length,
        entries,
      }
      glossaries.set(glossary.glossary_id, glossary)
      const { entries: _entries, ...info } = glossary
      return json(201, info)
    }
    if (glossaryMatch) {
      const glossary = glossaries.get(glossaryMatch[1]!)
      if (!glossary) return json(404, { message: 'Glossary not found' })
      if (req.method === 'DELETE' && !glossaryMatch[2]) {
        glossaries.delete(glossary.glossary_id)
        return void res.writeHead(204).end()
      }
      if (req.method === 'GET' && glossaryMatch[2]) {
        return void res
          .writeHead(200, { 'content-type': 'text/tab-separated-values' })
          .end(glossary.entries.map((entry) => entry.join('\t')).join('\n'))
      }
      if (req.method === 'GET') {
        const { entries: _entries, ...info } = glossary
        return json(200, info)
      }
    }
    if (req.method === 'GET' && url.pathname === '/v2/glossary-language-pairs') {
      const codes = ['zh', 'en', 'fr']
      return json(200, {
        supported_languages: codes.flatMap((source) => codes.filter((t) => t !== source).map((target) => ({ source_lang: source, target_lang: target }))),
      })
    }
    if (req.method === 'GET' && url.pathname === '/v2/usage') return json(200, { character_count: 0, character_limit: 500000 })
    json(404, { message: `No route ${req.method} ${url.pathname}` })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    glossaries,
    /** The texts sent to `/v2/translate` since `from` (an index into `requests`). */
    translatedTexts: (from = 0) =>
      requests.slice(from).filter((request) => request.path === '/v2/translate').flatMap((request) => request.form.getAll('text')),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}
