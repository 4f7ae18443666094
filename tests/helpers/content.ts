/** A carrier as an editor publishes one: what the create call needs, in the locale it is made in. */
export const publishedCarrier = (name = 'Mobilis') => ({
  name,
  kind: 'network-operator' as const,
  destination: 'NC',
  website: 'https://www.opt.nc/',
  verification: 'verified' as const,
  _status: 'published' as const,
})
