import type { PayloadRequest } from 'payload'

import { glossaryField, type Locale } from '@/lib/locales'

import type { GlossaryTerms } from './provider'

/** The CMS glossary as source → target terms for one pair (a do-not-translate term maps to itself); terms lacking either form are left out. */
export const glossaryTerms = async (req: PayloadRequest, source: Locale, target: Locale): Promise<GlossaryTerms> => {
  const { docs } = await req.payload.find({
    collection: 'glossary',
    pagination: false,
    depth: 0,
    sort: 'id',
    overrideAccess: true,
    req,
  })
  const terms: GlossaryTerms = {}
  for (const doc of docs as unknown as (Record<string, string | null | undefined> & { doNotTranslate?: boolean | null })[]) {
    const from = doc[glossaryField(source)]?.trim()
    // A do-not-translate term is kept as the source writes it.
    const to = doc.doNotTranslate ? from : doc[glossaryField(target)]?.trim()
    if (from && to) terms[from] = to
  }
  return terms
}
