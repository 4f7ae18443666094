import type { Field, FlattenedField } from 'payload'
import { describe, expect, it } from 'vitest'

import { everyField, holdsLocalized, isLocalized, mapFields, walkFields } from '@/fields/tree'

/** A collection's fields with every container kind: tabs (named and not), a row, a collapsible, a group, an array, blocks. */
const fields: Field[] = [
  { name: 'title', type: 'text', localized: true },
  {
    type: 'tabs',
    tabs: [
      { label: 'Content', fields: [{ type: 'row', fields: [{ name: 'summary', type: 'textarea', localized: true }, { name: 'code', type: 'text' }] }] },
      { name: 'meta', fields: [{ type: 'collapsible', label: 'More', fields: [{ name: 'note', type: 'text' }] }] },
    ],
  },
  { name: 'price', type: 'group', fields: [{ name: 'amount', type: 'number' }] },
  { name: 'offers', type: 'array', fields: [{ name: 'name', type: 'text', localized: true }] },
  { name: 'parts', type: 'blocks', blocks: [{ slug: 'quote', fields: [{ name: 'text', type: 'text' }] }] },
]

const names = (list: Field[]) => list.map((field) => ('name' in field ? field.name : field.type))

describe('the field tree', () => {
  it('lists every field at any depth, each before what it holds, blocks left to their rows', () => {
    expect(names(everyField(fields))).toEqual(['title', 'tabs', 'row', 'summary', 'code', 'collapsible', 'note', 'price', 'amount', 'offers', 'name', 'parts'])
  })

  it('tells localized fields and fields that hold one', () => {
    const [title, tabs, price, offers] = fields
    expect([title, tabs, price, offers].map(isLocalized)).toEqual([true, false, false, false])
    expect([title, tabs, price, offers].map(holdsLocalized)).toEqual([true, true, false, true])
  })

  it('maps every field, containers after their fields, blocks too, leaving the input as it was', () => {
    const seen: string[] = []
    const mapped = mapFields(fields, (field) => {
      seen.push('name' in field ? field.name : field.type)
      return 'name' in field && field.type === 'text' ? { ...field, name: `${field.name}!` } : field
    })
    expect(seen).toEqual(['title', 'summary', 'code', 'row', 'note', 'collapsible', 'tabs', 'amount', 'price', 'name', 'offers', 'text', 'parts'])
    expect(names(everyField(mapped))).toEqual(['title!', 'tabs', 'row', 'summary', 'code!', 'collapsible', 'note!', 'price', 'amount', 'offers', 'name!', 'parts'])
    const blocks = mapped.find((field) => field.type === 'blocks')
    expect(blocks?.type === 'blocks' && blocks.blocks[0]!.fields.map((field) => ('name' in field ? field.name : ''))).toEqual(['text!'])
    expect(names(everyField(fields))).toEqual(['title', 'tabs', 'row', 'summary', 'code', 'collapsible', 'note', 'price', 'amount', 'offers', 'name', 'parts'])
  })

  it('walks a document alongside its flattened fields: groups, array rows and known blocks', () => {
    const flat = [
      { name: 'title', type: 'text' },
      { name: 'price', type: 'group', flattenedFields: [{ name: 'amount', type: 'number' }] },
      { name: 'offers', type: 'array', flattenedFields: [{ name: 'name', type: 'text' }] },
      { name: 'parts', type: 'blocks', blocks: [{ slug: 'quote', flattenedFields: [{ name: 'text', type: 'text' }] }] },
    ] as unknown as FlattenedField[]
    const doc = {
      title: 'T',
      price: { amount: 3 },
      offers: [{ name: 'a' }, 'not a row', { name: 'b' }],
      parts: [{ blockType: 'quote', text: 'q' }, { blockType: 'unknown', text: 'x' }],
    }
    const visited: string[] = []
    walkFields(flat, doc, (field, row) => {
      visited.push(`${field.name}=${typeof row[field.name] === 'object' ? '…' : String(row[field.name])}`)
      return false
    })
    expect(visited).toEqual(['title=T', 'price=…', 'amount=3', 'offers=…', 'name=a', 'name=b', 'parts=…', 'text=q'])
  })
})
