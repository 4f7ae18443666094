import type { Payload } from 'payload'

/** A carrier as an editor publishes one: what the create call needs, in the locale it is made in. */
export const publishedCarrier = (name = 'Mobilis') => ({
  name,
  kind: 'network-operator' as const,
  destination: 'NC',
  website: 'https://www.opt.nc/',
  verification: 'verified' as const,
  _status: 'published' as const,
})

/** A tip written in Chinese and published there: the document a normal read asks for. */
export const publishedTip = async (payload: Payload, title = '机场有免费 Wi-Fi'): Promise<number> =>
  (await payload.create({ collection: 'tips', locale: 'zh', data: { title, destination: 'NC', category: 'other', sourceLocale: 'zh', _status: 'published' } })).id
