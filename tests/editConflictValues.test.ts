import configPromise from '@payload-config'
import { describe, expect, it } from 'vitest'

import { conflictFields, type ConflictField } from '@/editLocks/admin/conflictFields'
import { differences, shownValue } from '@/editLocks/admin/conflictValues'

/**
 * What the admin's conflict view lists (tests/admin/editConflicts.test.ts shows it in a browser):
 * the fields of each part of an article, labelled in the admin's language, and values compared
 * by what a person reads of them, whatever shape the form or the REST API gives them in.
 */
const paragraph = (text: string) => ({ type: 'paragraph', children: [{ type: 'text', text }] })
const richText = (...texts: string[]) => ({ root: { type: 'root', children: texts.map(paragraph) } })

const field = (name: string, kind: ConflictField['kind']): ConflictField => ({ name, label: name, kind })

describe('the fields of each part', () => {
  it('puts the translated fields in the locale’s part and the others in shared, labelled in the admin’s language', async () => {
    const config = await configPromise
    const articles = config.collections.find((collection) => collection.slug === 'articles')!
    const fr = conflictFields(articles.flattenedFields, 'fr')
    const zh = conflictFields(articles.flattenedFields, 'zh')
    expect(fr.locale.find((each) => each.name === 'summary')).toEqual({ name: 'summary', label: 'Résumé', kind: 'value' })
    expect(zh.locale.find((each) => each.name === 'summary')?.label).toBe('摘要')
    expect(fr.locale.map((each) => each.name)).toContain('title')
    expect(fr.shared.map((each) => each.name)).toContain('destination')
    // Nothing of Payload's or of the hooks' bookkeeping, and no field in both parts.
    const names = [...fr.locale, ...fr.shared].map((each) => each.name)
    for (const bookkeeping of ['id', 'updatedAt', 'createdAt', '_status', 'revision', 'editLocks']) expect(names).not.toContain(bookkeeping)
    expect(new Set(names).size).toBe(names.length)
  })
})

describe('values as the conflict view shows them', () => {
  it('shows rich text as its plain text and arrays as their rows', () => {
    expect(shownValue(field('body', 'richText'), richText('Premier.', 'Second.'), '{count} lignes')).toBe('Premier.\nSecond.')
    const sources = [
      { id: 'a1', title: 'Opérateur', url: 'https://example.nc', date: null },
      { id: 'b2', title: 'Forum', url: 'https://forum.example.nc' },
    ]
    expect(shownValue(field('sources', 'rows'), sources, '{count} lignes')).toBe('2 lignes: Opérateur · https://example.nc · Forum · https://forum.example.nc')
    expect(shownValue(field('sources', 'rows'), null, '{count} lignes')).toBe('0 lignes')
  })

  it('lists only the fields whose text differs, whatever the shape each side gives', () => {
    const fields = [field('title', 'value'), field('body', 'richText'), field('sources', 'rows'), field('carrier', 'value'), field('summary', 'value')]
    const mine = {
      title: 'Titre',
      body: richText('Texte'),
      // The form: rows with their ids, a relation as its id.
      sources: [{ id: 'a1', title: 'Opérateur' }],
      carrier: 3,
      summary: 'Mon résumé',
    }
    const saved = {
      title: 'Titre',
      body: { root: { type: 'root', direction: 'ltr', children: [{ ...paragraph('Texte'), format: '' }] } },
      sources: [{ id: 'a1', title: 'Opérateur', url: null }],
      carrier: { id: 3, name: 'OPT', updatedAt: '2026-01-01T00:00:00.000Z' },
      summary: 'Son résumé',
    }
    expect(differences(fields, mine, saved, '{count} rows')).toEqual([{ name: 'summary', label: 'summary', mine: 'Mon résumé', theirs: 'Son résumé' }])
    // A changed row, an added row and an emptied field are differences.
    const changed = differences(fields, { ...mine, sources: [...mine.sources, { title: 'Forum' }], title: '' }, saved, '{count} rows')
    expect(changed.map((difference) => difference.name)).toEqual(['title', 'sources', 'summary'])
    expect(changed[0]).toMatchObject({ mine: '', theirs: 'Titre' })
  })
})
