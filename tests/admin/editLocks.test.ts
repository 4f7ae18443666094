import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'

import { launchBrowser } from '../helpers/browser'
import { json } from '../helpers/http'
import { siteAdmin } from '../helpers/site'

/**
 * Locks per part in the admin, on the production build: an editor in zh and a translator in fr
 * edit one document at once in two browsers, and a second editor in zh is told who holds it.
 * The other admin tests open other documents as the site's admin: this file makes its own
 * document and people, and gives back every part it takes.
 */
const site = inject('site')!
const password = 'edit locks password 1'
const run = Date.now().toString(36)
let browser: Browser
let admin: Record<string, string>
let id: number

type Person = { name: string; email: string; token: string; language: 'zh' | 'en' | 'fr' }
const people: Record<'editor' | 'secondEditor' | 'translator', Person> = {
  editor: { name: `主编 ${run}`, email: `locks-editor-${run}@lagon.test`, token: '', language: 'zh' },
  secondEditor: { name: `Second editor ${run}`, email: `locks-editor2-${run}@lagon.test`, token: '', language: 'en' },
  translator: { name: `Traductrice ${run}`, email: `locks-translator-${run}@lagon.test`, token: '', language: 'fr' },
}
const contexts: BrowserContext[] = []

const api = async <T,>(path: string, init: { method?: string; body?: unknown; headers?: Record<string, string> } = {}): Promise<T> => {
  const response = await fetch(`${site.url}${path}`, {
    method: init.method ?? 'GET',
    headers: json(init.headers ?? admin),
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  })
  expect(response.status, await response.clone().text()).toBeLessThan(300)
  return (response.status === 204 ? null : await response.json()) as T
}

const draft = async (locale: string) =>
  api<Record<string, unknown>>(`/api/articles/${id}?locale=${locale}&draft=true&depth=0&fallback-locale=none`)

/** The edit view of the document in `locale`, signed in as `person`, in their admin language. */
const editView = async (person: Person, locale: string): Promise<Page> => {
  const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } })
  contexts.push(context)
  const { hostname } = new URL(site.url)
  await context.addCookies([
    { name: 'payload-token', value: person.token, domain: hostname, path: '/' },
    { name: 'payload-lng', value: person.language, domain: hostname, path: '/' },
  ])
  const page = await context.newPage()
  await page.goto(`${site.url}/admin/collections/articles/${id}?locale=${locale}`)
  await page.locator('.edit-locks').waitFor({ state: 'attached' })
  return page
}

beforeAll(async () => {
  browser = await launchBrowser()
  admin = await siteAdmin(site.url)
  const roles = { editor: ['editor'], secondEditor: ['editor'], translator: ['translator', ['fr']] } as const
  for (const [key, person] of Object.entries(people) as [keyof typeof people, Person][]) {
    const [role, locales] = roles[key]
    await api('/api/users', { method: 'POST', body: { email: person.email, password, name: person.name, role, ...(locales && { locales }) } })
    person.token = (await api<{ token: string }>('/api/users/login', { method: 'POST', body: { email: person.email, password }, headers: {} })).token
  }
  const created = await api<{ doc: { id: number } }>('/api/articles?locale=zh', {
    method: 'POST',
    body: { title: '两人同时编辑', summary: '原来的摘要。', destination: 'NC', _status: 'published' },
  })
  id = created.doc.id
  await api(`/api/articles/${id}?locale=fr`, { method: 'PATCH', body: { title: 'Édition à deux' } })
}, 120_000)

afterAll(async () => {
  // Leaving the edit views gives their parts back; the API makes sure of it for every locale.
  for (const context of contexts) for (const page of context.pages()) await page.goto('about:blank').catch(() => {})
  for (const person of Object.values(people)) {
    for (const locale of person === people.translator ? ['fr'] : ['zh', 'en', 'fr']) {
      await fetch(`${site.url}/api/articles/${id}/edit-locks?locale=${locale}`, { method: 'DELETE', headers: { Authorization: `JWT ${person.token}` } })
    }
  }
  await browser?.close()
})

describe('locks per locale in the admin', () => {
  it('an editor in zh and a translator in fr edit and save at once, and both changes are kept', { timeout: 120_000 }, async () => {
    const editor = await editView(people.editor, 'zh')
    await editor.locator('.edit-locks[data-holds~="zh"][data-holds~="shared"]').waitFor({ state: 'attached' })
    const translator = await editView(people.translator, 'fr')
    await translator.locator('.edit-locks[data-holds~="fr"]').waitFor({ state: 'attached' })
    // Neither is told the other holds their part.
    expect(await editor.locator('.edit-locks__notice').count()).toBe(0)
    expect(await translator.locator('.edit-locks__notice[data-part="fr"]').count()).toBe(0)

    await Promise.all([
      editor.locator('#field-summary').fill('两人同时编辑后的摘要。'),
      translator.locator('#field-title').fill('Édition à deux, enregistrée'),
    ])
    // Each form saves its draft on its own (autosave): both land.
    await expect.poll(async () => (await draft('zh')).summary, { timeout: 30_000 }).toBe('两人同时编辑后的摘要。')
    await expect.poll(async () => (await draft('fr')).title, { timeout: 30_000 }).toBe('Édition à deux, enregistrée')
    expect((await draft('zh')).title).toBe('两人同时编辑')
  })

  it('a second editor in zh sees who holds it, in their admin language, and may take over', { timeout: 120_000 }, async () => {
    const second = await editView(people.secondEditor, 'zh')
    const notice = second.locator('.edit-locks__notice[data-part="zh"]')
    await notice.waitFor()
    expect(await notice.getAttribute('data-holder')).toBe(people.editor.name)
    expect(await notice.textContent()).toContain(`${people.editor.name} is editing the Chinese version`)
    // The shared fields are the first editor's too.
    expect(await second.locator('.edit-locks__notice[data-part="shared"]').getAttribute('data-holder')).toBe(people.editor.name)

    await Promise.all([second.waitForEvent('load'), notice.locator('.edit-locks__take-over').click()])
    await second.locator('.edit-locks[data-holds~="zh"]').waitFor({ state: 'attached' })
    // The first editor's next renewal learns it: zh is now the second editor's.
    const { claims } = await api<{ claims: { part: string; holder: { name: string }; mine: boolean }[] }>(
      `/api/articles/${id}/edit-locks?locale=zh`,
      { method: 'POST', headers: { Authorization: `JWT ${people.editor.token}` } },
    )
    expect(claims.find((claim) => claim.part === 'zh')).toMatchObject({ holder: { name: people.secondEditor.name }, mine: false })
  })
})
