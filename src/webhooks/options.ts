import { adminTextsOf, collectionLabels, labelledOptions } from '@/lib/adminLabels'
import { locales } from '@/lib/locales'

import { webhookCollections, webhookEvents } from './events'

/** The choices shared by an endpoint's filters and its delivery log, labelled for the admin. */
export const eventOptions = labelledOptions(webhookEvents, adminTextsOf('webhookEvents'))

export const collectionOptions = labelledOptions(webhookCollections, {
  articles: collectionLabels.articles.plural,
  carriers: collectionLabels.carriers.plural,
  tips: collectionLabels.tips.plural,
})

/** Each locale keeps its own name, as language pickers do. */
export const localeOptions = locales.map(({ code, label }) => ({ label, value: code }))
