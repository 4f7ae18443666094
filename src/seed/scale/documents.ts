import { block, heading, list, listItem, paragraph, root, text, type LexicalDocument, type LexicalNode } from '@/import/lexicalNodes'
import { localeCodes, sourceLocale, type Locale } from '@/lib/locales'
import { withConversions } from '@/translation/machine/opencc'
import { slugify } from '@/lib/slugify'
import { regionName } from '@/site/format'

import {
  angles,
  carrierDescriptions,
  carrierWords,
  destinations,
  fill,
  headings,
  offerNames,
  sentences,
  sourcePublishers,
  tipTitles,
  topics,
} from './phrases'
import { randomFrom, stableId, type Random } from './random'
import type { ReaderCollection } from '@/lib/readerCollections'

export type ScaleCollection = ReaderCollection

type Row = Record<string, unknown>

/**
 * One synthetic document as Payload stores it, before it has an id: the columns of its main
 * table, one row of localized columns per locale it has text in (with that locale's `_status`),
 * its array rows, relationships and hasMany texts. `rows.ts` turns it into table rows.
 */
export type ScaleDocument = {
  collection: ScaleCollection
  columns: Row
  createdAt: string
  updatedAt: string
  locales: Partial<Record<Locale, { status: 'published' | 'draft'; columns: Row }>>
  sources: { id: string; columns: Row }[]
  offers: { id: string; columns: Row; locales: Partial<Record<Locale, Row>> }[]
  technologies: string[]
  rels: { path: string; carriers_id?: number; tips_id?: number }[]
  texts: { path: string; locale: Locale | null; text: string }[]
}

/** The source locale's slug: how a later run recognises a document it made before. */
export const keyOf = (doc: ScaleDocument): string => doc.locales[sourceLocale]!.columns.slug as string

const translations = localeCodes.filter((locale) => locale !== sourceLocale)

/** The newest synthetic guide's date (its updates stay in the past); the n-th is 47 minutes older than the one before. */
const newest = Date.parse('2026-10-15T08:00:00Z')
const minutes = 60_000
const dateOf = (index: number, stepMinutes: number) => new Date(newest - index * stepMinutes * minutes).toISOString()

const places = (code: string): Record<Locale, string> =>
  Object.fromEntries(localeCodes.map((locale) => [locale, regionName(code, locale)])) as Record<Locale, string>

const capitalize = (value: string) => value.charAt(0).toUpperCase() + value.slice(1)

/** Which locales a document is published in, drafted in, or lacks: some translations missing, some unpublished. */
const localeStates = (random: Random): Partial<Record<Locale, 'published' | 'draft'>> => {
  const states: Partial<Record<Locale, 'published' | 'draft'>> = { [sourceLocale]: random.chance(0.97) ? 'published' : 'draft' }
  const translated = { en: 0.88, fr: 0.72 } as Record<Locale, number>
  for (const locale of translations) {
    if (!random.chance(translated[locale] ?? 0.8)) continue
    states[locale] = states[sourceLocale] === 'published' && random.chance(0.9) ? 'published' : 'draft'
  }
  return states
}

const sourcesOf = (random: Random, name: string, place: string, count: number) =>
  Array.from({ length: count }, (_, index) => {
    const publisher = random.pick(sourcePublishers)
    return {
      id: stableId(`${name}:source:${index}`),
      columns: {
        title: `${publisher}: ${place}`,
        publisher,
        url: `https://example.org/${slugify(place)}/${slugify(name)}-${index + 1}`,
        date: `${random.int(2023, 2026)}-${String(random.int(1, 12)).padStart(2, '0')}`,
      },
    }
  })

type Fill = Record<string, string>

/** A paragraph of `count` sentences, the same sentences in every locale. */
const sentencePicks = (random: Random, count: number) => Array.from({ length: count }, () => random.int(0, sentences.en.length - 1))
const paragraphIn = (locale: Locale, picks: number[], values: Fill) =>
  paragraph([text(picks.map((pick) => fill(sentences[locale][pick]!, values)).join(locale === 'zh' ? '' : ' '))])

/** A guide body of a few KB: sections with headings, paragraphs and lists, an embedded carrier and tip, sometimes an unverified callout. */
const articleBodies = (random: Random, name: string, carrierId: number | undefined, tipId: number | undefined, values: Record<Locale, Fill>) => {
  const intro = sentencePicks(random, 3)
  const sections = Array.from({ length: random.int(3, 4) }, (_, index) => ({
    heading: index % headings.en.length,
    paragraphs: [sentencePicks(random, random.int(2, 3)), sentencePicks(random, random.int(2, 3))],
    items: random.chance(0.6) ? sentencePicks(random, 3) : [],
  }))
  const callout = random.chance(0.3) ? sentencePicks(random, 1) : null
  return Object.fromEntries(
    localeCodes.map((locale): [Locale, LexicalDocument] => {
      const children: LexicalNode[] = [paragraphIn(locale, intro, values[locale])]
      sections.forEach((section, index) => {
        children.push(heading(2, [text(headings[locale][section.heading]!)]))
        for (const picks of section.paragraphs) children.push(paragraphIn(locale, picks, values[locale]))
        if (section.items.length) {
          children.push(list(false, 1, section.items.map((pick, item) => listItem(item + 1, [text(fill(sentences[locale][pick]!, values[locale]))]))))
        }
        if (index === 0 && carrierId) children.push(block('carrierEmbed', { carrier: carrierId }, stableId(`${name}:carrier`)))
        if (index === 1 && tipId) children.push(block('tipEmbed', { tip: tipId }, stableId(`${name}:tip`)))
        if (index === 1 && callout) {
          const content = root([paragraphIn(locale, callout, values[locale])])
          children.push(block('callout', { kind: 'unverified', content }, stableId(`${name}:callout`)))
        }
      })
      return [locale, root(children)]
    }),
  ) as Record<Locale, LexicalDocument>
}

export type ArticleRefs = { carriers: { id: number; destination: string }[]; tips: number[] }

/** The n-th synthetic guide (1-based): the same on every run. */
export const scaleArticle = (index: number, refs: ArticleRefs): ScaleDocument => {
  const name = `article:${index}`
  const random = randomFrom(name)
  const destination = random.pick(destinations)
  const place = places(destination)
  const topic = random.int(0, topics.en.length - 1)
  const angle = random.int(0, angles.en.length - 1)
  const suffix = index.toString(36)
  const titles = withConversions({
    zh: `${place.zh}${topics.zh[topic]}：${angles.zh[angle]}`,
    en: `${place.en}, ${topics.en[topic]}: ${angles.en[angle]}`,
    fr: `${place.fr} : ${topics.fr[topic]}, ${angles.fr[angle]}`,
  })
  const local = refs.carriers.filter((carrier) => carrier.destination === destination)
  const carriers = random.some(local.length ? local : refs.carriers, random.int(1, 3)).map((carrier) => carrier.id)
  const tips = random.some(refs.tips, random.int(2, 4))
  const values = Object.fromEntries(
    localeCodes.map((locale) => [locale, { place: place[locale], carrier: `${carrierWords.brands[index % carrierWords.brands.length]}`, n: String(random.int(7, 30)), price: `${random.int(10, 60)} €` }]),
  ) as unknown as Record<Locale, Fill>
  const bodies = articleBodies(random, name, carriers[0], tips[0], values)
  const summaryPicks = sentencePicks(random, 2)
  const states = localeStates(random)
  const publishedAt = dateOf(index, 47)
  const renamed = random.chance(0.04)
  return {
    collection: 'articles',
    columns: { destination, last_verified: publishedAt.slice(0, 10) + 'T00:00:00.000Z', published_at: states.zh === 'published' ? publishedAt : null, hero_image_id: null },
    createdAt: publishedAt,
    updatedAt: new Date(Date.parse(publishedAt) + random.int(1, 400) * 60 * minutes).toISOString(),
    locales: Object.fromEntries(
      Object.entries(states).map(([locale, status]) => {
        const l = locale as Locale
        const summary = summaryPicks.map((pick) => fill(sentences[l][pick]!, values[l])).join(l === 'zh' ? '' : ' ')
        return [
          l,
          {
            status,
            columns: {
              title: titles[l],
              summary: summary.slice(0, 400),
              body: bodies[l],
              seo_title: capitalize(titles[l]).slice(0, 70),
              seo_description: summary.slice(0, 170),
              slug: `${slugify(titles[l])}-${suffix}`,
            },
          },
        ]
      }),
    ),
    sources: sourcesOf(random, name, place.en, random.int(2, 4)),
    offers: [],
    technologies: [],
    rels: [...carriers.map((id) => ({ path: 'relatedCarriers', carriers_id: id })), ...tips.map((id) => ({ path: 'tips', tips_id: id }))],
    texts:
      renamed && states.en === 'published' ? [{ path: 'slugHistory', locale: 'en', text: `${slugify(`${place.en} ${topics.en[topic]}`)}-${suffix}` }] : [],
  }
}

/** The n-th synthetic carrier (1-based). */
export const scaleCarrier = (index: number): ScaleDocument => {
  const name = `carrier:${index}`
  const random = randomFrom(name)
  const destination = destinations[index % destinations.length]!
  const place = places(destination)
  const brand = `${carrierWords.brands[index % carrierWords.brands.length]} ${random.pick(carrierWords.suffixes)}`
  const title = `${brand} ${destination}`
  const slug = `${slugify(title)}-${index.toString(36)}`
  const states = localeStates(random)
  const picks = random.some([0, 1, 2], 2)
  const offers = Array.from({ length: random.int(1, 3) }, (_, offer) => {
    const kind = random.int(0, offerNames.en.length - 1)
    return {
      id: stableId(`${name}:offer:${offer}`),
      columns: {
        type: kind === 3 ? 'esim' : random.pick(['physical-sim', 'tourist-sim']),
        data_allowance_g_b: random.pick([1, 3, 5, 10, 20]),
        unlimited_data: false,
        validity_days: random.pick([7, 15, 30]),
        price_amount: random.int(5, 60),
        price_currency: 'EUR',
        includes_phone_number: kind === 3 ? 'usually-not' : 'yes',
        receives_sms: kind === 3 ? 'usually-not' : 'yes',
      },
      locales: Object.fromEntries(Object.keys(states).map((locale) => [locale, { name: `${brand} ${offerNames[locale as Locale][kind]}`, notes: null }])),
    }
  })
  const created = dateOf(index, 600)
  return {
    collection: 'carriers',
    columns: {
      kind: random.pick(['network-operator', 'esim-reseller', 'mvno']),
      website: `https://${slugify(brand)}.example.com`,
      logo_id: null,
      mcc_mnc: null,
      destination,
      verification: random.pick(['verified', 'unverified']),
      last_verified: created.slice(0, 10) + 'T00:00:00.000Z',
    },
    createdAt: created,
    updatedAt: created,
    locales: Object.fromEntries(
      Object.entries(states).map(([locale, status]) => {
        const values = { carrier: brand, place: place[locale as Locale] }
        const description = root(picks.map((pick) => paragraph([text(fill(carrierDescriptions[locale as Locale][pick]!, values))])))
        return [locale, { status, columns: { name: title, description, slug } }]
      }),
    ),
    sources: sourcesOf(random, name, place.en, random.int(1, 2)),
    offers,
    technologies: random.some(['2G', '3G', '4G', '5G'], random.int(1, 3)).sort(),
    rels: [],
    texts: [],
  }
}

/** The n-th synthetic tip (1-based). */
export const scaleTip = (index: number): ScaleDocument => {
  const name = `tip:${index}`
  const random = randomFrom(name)
  const destination = random.pick(destinations)
  const place = places(destination)
  const pick = random.int(0, tipTitles.en.length - 1)
  const suffix = index.toString(36)
  const states = localeStates(random)
  const paragraphs = [sentencePicks(random, 2), sentencePicks(random, 2)]
  const created = dateOf(index, 90)
  return {
    collection: 'tips',
    columns: {
      category: random.pick(['connectivity', 'payment', 'cash', 'apps', 'safety', 'other']),
      order: index % 100,
      destination,
      last_verified: created.slice(0, 10) + 'T00:00:00.000Z',
    },
    createdAt: created,
    updatedAt: created,
    locales: Object.fromEntries(
      Object.entries(states).map(([locale, status]) => {
        const l = locale as Locale
        const title = l === 'zh' ? `${place.zh}：${tipTitles.zh[pick]}` : `${place[l]} : ${tipTitles[l][pick]}`.replace(' : ', l === 'en' ? ': ' : ' : ')
        const values = { place: place[l], carrier: carrierWords.brands[index % carrierWords.brands.length]!, n: '7', price: '20 €' }
        return [l, { status, columns: { title, body: root(paragraphs.map((picks) => paragraphIn(l, picks, values))), slug: `${slugify(title)}-${suffix}` } }]
      }),
    ),
    sources: sourcesOf(random, name, place.en, 1),
    offers: [],
    technologies: [],
    rels: [],
    texts: [],
  }
}
