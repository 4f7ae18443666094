import type { Payload } from 'payload'

/** A tip written in Chinese and published there: the document a normal read asks for. */
export const publishedTip = async (payload: Payload, title = '机场有免费 Wi-Fi'): Promise<number> =>
  (await payload.create({ collection: 'tips', locale: 'zh', data: { title, destination: 'NC', category: 'other', sourceLocale: 'zh', _status: 'published' } })).id
