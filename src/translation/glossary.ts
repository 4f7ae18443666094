import type { PayloadRequest } from 'payload'

import { expiryClock, taggedStore } from '@/freshness/taggedStore'
import { glossaryField, localeCodes, type Locale } from '@/lib/locales'
import { tags } from '@/site/tags'

import type { GlossaryTerms } from './machine/provider'
import type { GlossaryTerm } from './qa/types'

const kept = taggedStore<GlossaryTerm[]>('glossary')

/**
 * The Glossary collection, for QA, XLIFF and machine translation: every term's forms and its
 * do-not-translate flag. Kept by each instance until a term is written (`tags.glossary`), since
 * every save of a translation checks against all of it.
 */
export const readGlossary = async (req: PayloadRequest): Promise<GlossaryTerm[]> => {
  const known = kept.get('terms')
  if (known) return known
  const startedAt = expiryClock()
  const { docs } = await req.payload.find({
    collection: 'glossary',
    pagination: false,
    depth: 0,
    sort: 'id',
    overrideAccess: true,
    req,
  })
  const terms = (docs as unknown as Record<string, unknown>[]).map((doc) => ({
    forms: Object.fromEntries(
      localeCodes.flatMap((code) => {
        const form = doc[glossaryField(code)]
        return typeof form === 'string' && form ? [[code, form]] : []
      }),
    ),
    doNotTranslate: doc.doNotTranslate === true,
  }))
  kept.store('terms', terms, [tags.glossary], startedAt, 1)
  return terms
}

/** The glossary as source → target terms for one pair (a do-not-translate term maps to itself); terms lacking either form are left out. */
export const glossaryTerms = async (req: PayloadRequest, source: Locale, target: Locale): Promise<GlossaryTerms> => {
  const terms: GlossaryTerms = {}
  for (const term of await readGlossary(req)) {
    const from = term.forms[source]?.trim()
    // A do-not-translate term is kept as the source writes it.
    const to = term.doNotTranslate ? from : term.forms[target]?.trim()
    if (from && to) terms[from] = to
  }
  return terms
}
