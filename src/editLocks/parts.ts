import { isLocale, localeCodes, type Locale } from '@/lib/locales'

/**
 * What one person edits of a document: one locale's fields, or the fields every locale shares
 * (`shared`). Two people may edit one document at once when they edit different parts.
 */
export type Part = Locale | 'shared'

export const sharedPart = 'shared'

export const isPart = (value: unknown): value is Part => value === sharedPart || isLocale(value)

export const allParts: Part[] = [...localeCodes, sharedPart]

/**
 * How long a claim lasts without being renewed: the admin renews every `renewSeconds` while the
 * edit view is open, so a closed tab or a crashed browser frees its parts within this time.
 */
export const claimSeconds = 60
export const renewSeconds = 20

/** Who holds a part, as the admin shows it. */
export type Claim = { part: Part; holder: { id: number; name: string }; expiresAt: string; mine: boolean }
