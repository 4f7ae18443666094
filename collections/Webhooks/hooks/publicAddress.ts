import { ValidationError, type CollectionBeforeValidateHook } from 'payload'

import { validationMessages } from '@/fields/validators'
import { describeRefusal, refusedWebhookAddress } from '@/webhooks/address'

/**
 * A webhook's URL must lead to a public address, checked when it is saved (and again at each
 * delivery); refused in the language of whoever saves it.
 */
export const requirePublicAddress: CollectionBeforeValidateHook = async ({ collection, data, req }) => {
  const url = data?.url
  if (typeof url !== 'string') return data
  const refusal = await refusedWebhookAddress(url)
  if (refusal) {
    const text = validationMessages(req)
    const message = `url: ${text.webhookPublicOnly(describeRefusal(refusal, text))}`
    throw new ValidationError({ collection: collection.slug, errors: [{ path: 'url', message }] }, req.t)
  }
  return data
}
