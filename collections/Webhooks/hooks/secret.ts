import { randomBytes } from 'node:crypto'

import type { FieldHook } from 'payload'

export const newWebhookSecret = (): string => `whsec_${randomBytes(32).toString('hex')}`

/**
 * The secret is Lagon's to make, never the client's: a new one on create and when an admin asks
 * for a rotation, the stored one otherwise, whatever the request carried.
 */
export const keepOrRotateSecret: FieldHook = ({ operation, originalDoc, siblingData }) => {
  const rotate = operation === 'create' || Boolean((siblingData as { rotateSecret?: boolean }).rotateSecret)
  const stored = (originalDoc as { secret?: string } | undefined)?.secret
  return rotate || !stored ? newWebhookSecret() : stored
}
