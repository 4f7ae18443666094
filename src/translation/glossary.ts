import type { PayloadRequest } from 'payload'

import { glossaryField, localeCodes, type Locale } from '@/lib/locales'

import type { GlossaryTerms } from './machine/provider'
import type { GlossaryTerm } from './qa/types'

/** The Glossary collection, read once for QA, XLIFF and machine translation: every term's forms and its do-not-translate flag. */
export const readGlossary = async (req: PayloadRequest): Promise<GlossaryTerm[]> => {
  const { docs } = await req.payload.find({
    collection: 'glossary',
    pagination: false,
    depth: 0,
    sort: 'id',
    overrideAccess: true,
    req,
  })
  return (docs as unknown as Record<string, unknown>[]).map((doc) => ({
    forms: Object.fromEntries(
      localeCodes.flatMap((code) => {
        const form = doc[glossaryField(code)]
        return typeof form === 'string' && form ? [[code, form]] : []
      }),
    ),
    doNotTranslate: doc.doNotTranslate === true,
  }))
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
