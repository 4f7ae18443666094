import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'

import { launchBrowser } from '../helpers/browser'
import { json } from '../helpers/http'
import { siteAdmin } from '../helpers/site'

/**
 * The admin's conflict view, on the production build: an editor (admin in French) edits zh, a
 * second editor (admin in Chinese) takes zh over and saves, and the first one's next save is
 * refused; the first editor then sees both values and keeps theirs, or loads the other's. This
 * file makes its own document and people, and gives back every part it takes.
 */
const site = inject('site')!
const password = 'edit conflicts password 1'
const run = Date.now().toString(36)
let browser: Browser
let admin: Record<string, string>
let id: number

type Person = { name: string; email: string; token: string; language: 'zh' | 'en' | 'fr' }
const people: Record<'first' | 'second', Person> = {
  first: { name: `Éditrice ${run}`, email: `conflicts-first-${run}@lagon.test`, token: '', language: 'fr' },
  second: { name: `编辑 ${run}`, email: `conflicts-second-${run}@lagon.test`, token: '', language: 'zh' },
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

const storedSummary = async () =>
  (await api<{ summary?: string }>(`/api/articles/${id}?locale=zh&draft=true&depth=0&fallback-locale=none`)).summary

/** The edit view of the document in zh, signed in as `person`, in their admin language. */
const editView = async (person: Person): Promise<Page> => {
  const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } })
  contexts.push(context)
  const { hostname } = new URL(site.url)
  await context.addCookies([
    { name: 'payload-token', value: person.token, domain: hostname, path: '/' },
    { name: 'payload-lng', value: person.language, domain: hostname, path: '/' },
  ])
  const page = await context.newPage()
  await page.goto(`${site.url}/admin/collections/articles/${id}?locale=zh`)
  await page.locator('.edit-locks').waitFor({ state: 'attached' })
  return page
}

/** The second editor takes zh over from the banner (the page reloads), types a summary and autosaves it. */
const takeOverAndSave = async (page: Page, summary: string) => {
  const notice = page.locator('.edit-locks__notice[data-part="zh"]')
  await notice.waitFor()
  await Promise.all([page.waitForEvent('load'), notice.locator('.edit-locks__take-over').click()])
  await page.locator('.edit-locks[data-holds~="zh"]').waitFor({ state: 'attached' })
  await page.locator('#field-summary').fill(summary)
  await expect.poll(storedSummary, { timeout: 30_000 }).toBe(summary)
}

/** The first editor types into a part they no longer hold: the autosave is refused, the conflict view lists the summary. */
const refusedEdit = async (page: Page, summary: string, saved: string) => {
  await page.locator('#field-summary').fill(summary)
  const row = page.locator('.edit-conflict__fields tr[data-field="summary"]')
  await row.waitFor({ timeout: 30_000 })
  // In the admin's language (French), naming who took it over.
  expect(await page.locator('.edit-conflict').textContent()).toContain(`${people.second.name} a repris la main`)
  expect(await row.locator('th').textContent()).toBe('Résumé')
  expect(await row.locator('.edit-conflict__mine').textContent()).toBe(summary)
  expect(await row.locator('.edit-conflict__theirs').textContent()).toBe(saved)
  // Only the field that differs: the shared fields and the title are the same on both sides.
  expect(await page.locator('.edit-conflict__fields tbody tr').evaluateAll((rows) => rows.map((tr) => tr.getAttribute('data-field')))).toEqual(['summary'])
  // The refused save wrote nothing.
  expect(await storedSummary()).toBe(saved)
}

const claimsOf = async (person: Person) =>
  (
    await api<{ claims: { part: string; holder: { name: string }; mine: boolean }[] }>(`/api/articles/${id}/edit-locks?locale=zh`, {
      method: 'POST',
      headers: { Authorization: `JWT ${person.token}` },
    })
  ).claims

beforeAll(async () => {
  browser = await launchBrowser()
  admin = await siteAdmin(site.url)
  for (const person of Object.values(people)) {
    await api('/api/users', { method: 'POST', body: { email: person.email, password, name: person.name, role: 'editor' } })
    person.token = (await api<{ token: string }>('/api/users/login', { method: 'POST', body: { email: person.email, password }, headers: {} })).token
  }
  const created = await api<{ doc: { id: number } }>('/api/articles?locale=zh', {
    method: 'POST',
    body: { title: '冲突视图', summary: '最初的摘要。', destination: 'NC', _status: 'published' },
  })
  id = created.doc.id
}, 120_000)

afterAll(async () => {
  for (const context of contexts) for (const page of context.pages()) await page.goto('about:blank').catch(() => {})
  for (const person of Object.values(people)) {
    for (const locale of ['zh', 'en', 'fr']) {
      await fetch(`${site.url}/api/articles/${id}/edit-locks?locale=${locale}`, { method: 'DELETE', headers: { Authorization: `JWT ${person.token}` } })
    }
  }
  await browser?.close()
})

describe('the conflict view after a take-over', () => {
  let first: Page
  let second: Page

  it('shows both values, and "Keep mine" saves the first editor’s over the second’s', { timeout: 150_000 }, async () => {
    first = await editView(people.first)
    await first.locator('.edit-locks[data-holds~="zh"][data-holds~="shared"]').waitFor({ state: 'attached' })
    second = await editView(people.second)
    await takeOverAndSave(second, '第二位编辑的摘要。')

    await refusedEdit(first, 'Le résumé de la première, non enregistré.', '第二位编辑的摘要。')
    await first.locator('.edit-conflict__keep-mine').click()
    await first.locator('.edit-conflict').waitFor({ state: 'detached' })
    expect(await storedSummary()).toBe('Le résumé de la première, non enregistré.')
    // The first editor holds zh again: the second one's banner names them.
    expect((await claimsOf(people.second)).find((claim) => claim.part === 'zh')).toMatchObject({ holder: { name: people.first.name }, mine: false })
    expect(await first.locator('.edit-locks__notice[data-part="zh"]').count()).toBe(0)
  })

  it('"Load theirs" drops the first editor’s change and shows the second’s', { timeout: 150_000 }, async () => {
    await second.reload()
    await takeOverAndSave(second, '第二位编辑再次修改的摘要。')

    await refusedEdit(first, 'Une autre version, qui sera abandonnée.', '第二位编辑再次修改的摘要。')
    // Dismissing the confirm keeps everything as it is.
    first.once('dialog', (dialog) => void dialog.dismiss())
    await first.locator('.edit-conflict__load-theirs').click()
    expect(await first.locator('#field-summary').inputValue()).toBe('Une autre version, qui sera abandonnée.')

    first.once('dialog', (dialog) => void dialog.accept())
    await Promise.all([first.waitForEvent('load'), first.locator('.edit-conflict__load-theirs').click()])
    await first.locator('.edit-locks').waitFor({ state: 'attached' })
    expect(await first.locator('#field-summary').inputValue()).toBe('第二位编辑再次修改的摘要。')
    expect(await first.locator('.edit-conflict').count()).toBe(0)
    // The second editor still holds zh, and the first is told so.
    await first.locator('.edit-locks__notice[data-part="zh"]').waitFor()
    expect(await storedSummary()).toBe('第二位编辑再次修改的摘要。')
  })
})
