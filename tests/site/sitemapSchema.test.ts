import { execFile } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'

import { afterAll, describe, expect, inject, it } from 'vitest'

import { sitemapPages } from '../helpers/site'

/**
 * The sitemap index and each of its pages, validated by xmllint against the sitemaps.org schemas
 * (tests/fixtures/sitemaps/README.md says where each file comes from): what a crawler or an SEO
 * tool checks first.
 */
const site = inject('site')!
const schemas = path.resolve(import.meta.dirname, '../fixtures/sitemaps')
const dir = mkdtempSync(path.join(tmpdir(), 'lagon-sitemaps-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

/** xmllint's verdict on `xml` against `schema`: its exit code and what it printed. */
const validate = async (xml: string, schema: string, name: string) => {
  const file = path.join(dir, name.replace(/[^a-z0-9.-]/gi, '_'))
  writeFileSync(file, xml)
  try {
    const { stderr } = await promisify(execFile)('xmllint', ['--noout', '--schema', path.join(schemas, schema), file])
    return { valid: true, output: stderr }
  } catch (error) {
    return { valid: false, output: String((error as { stderr?: string }).stderr ?? error) }
  }
}

describe('the sitemap against the sitemaps.org schema', () => {
  it('validates the index and every page of it, hreflang alternates included', async () => {
    const { index, pages } = await sitemapPages(site.url)
    const verdict = await validate(index, 'siteindex.xsd', 'sitemap.xml')
    expect(verdict.valid, verdict.output).toBe(true)
    expect(Object.keys(pages).length).toBeGreaterThan(1)
    for (const [name, xml] of Object.entries(pages)) {
      const page = await validate(xml, 'sitemap-hreflang.xsd', name)
      expect(page.valid, `${name}: ${page.output}`).toBe(true)
      expect(xml, name).toContain('hreflang="x-default"')
    }
  })

  it('is a schema that refuses what crawlers refuse: lastmod after the alternates', async () => {
    const { pages } = await sitemapPages(site.url)
    const [name, xml] = Object.entries(pages).find(([, text]) => text.includes('<lastmod>'))!
    const reordered = xml.replace(/(<lastmod>[^<]+<\/lastmod>)((?:<xhtml:link [^>]+\/>)+)/, '$2$1')
    expect(reordered).not.toBe(xml)
    expect((await validate(reordered, 'sitemap-hreflang.xsd', `reordered-${name}`)).valid).toBe(false)
  })
})
