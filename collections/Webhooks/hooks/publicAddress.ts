import { ValidationError, type CollectionBeforeValidateHook } from 'payload'

import { refusedWebhookAddress } from '@/webhooks/address'

/** A webhook's URL must lead to a public address, checked when it is saved (and again at each delivery). */
export const requirePublicAddress: CollectionBeforeValidateHook = async ({ collection, data, req }) => {
  const url = data?.url
  if (typeof url !== 'string') return data
  const refusal = await refusedWebhookAddress(url)
  if (refusal) {
    const message = `url: ${refusal}; webhooks go to public addresses (WEBHOOK_ALLOW_PRIVATE=true allows others, for development)`
    throw new ValidationError({ collection: collection.slug, errors: [{ path: 'url', message }] }, req.t)
  }
  return data
}
