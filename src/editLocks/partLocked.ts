import { APIError, type PayloadRequest } from 'payload'

import { messagesOfRequest } from '@/messages'

import type { Claim } from './parts'

/** Named `Locked`, as Payload's own 423 (docs/api.md): clients branch on the name and `data.part`. */
export class PartLocked extends APIError {
  constructor(message: string, data: Record<string, unknown>) {
    super(message, 423, data, true)
    this.name = 'Locked'
  }
}

/**
 * A save of a part someone else holds in the admin: 423 naming the part (`data.errors[].path`
 * and `data.part`), who holds it and until when, in the language of whoever asks.
 */
export const partLocked = (req: PayloadRequest, claim: Claim): never => {
  const text = messagesOfRequest(req).editLocks
  const message = text.partLocked(text.parts[claim.part], claim.holder.name)
  throw new PartLocked(message, {
    errors: [{ path: claim.part === 'shared' ? 'shared' : 'locale', message }],
    part: claim.part,
    holder: claim.holder.name,
    expiresAt: claim.expiresAt,
  })
}
