import type { AdminText } from '@/lib/adminLabels'
import { inEveryLanguage } from '@/messages'

/**
 * The findings' messages, in each language the admin speaks (src/messages/, like
 * src/translation/admin/labels.ts). Each is a function of what the check found, so a message names
 * the number, link or term.
 */
export const qaMessages = inEveryLanguage((messages) => messages.qa) satisfies Record<string, (...args: never[]) => AdminText>
