/** Cache tags of the site's data: a change revalidates exactly the pages that read it. */
export const tags = {
  articles: 'articles',
  article: (id: number | string) => `article:${id}`,
  carriers: 'carriers',
  carrier: (id: number | string) => `carrier:${id}`,
  tips: 'tips',
  tip: (id: number | string) => `tip:${id}`,
} as const
