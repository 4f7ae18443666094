import type { PayloadRequest } from 'payload'

import { glossaryField, localeCodes } from '@/lib/locales'

import type { GlossaryTerm } from './types'

/** The Glossary collection as QA reads it: every term's forms and its do-not-translate flag. */
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
