import type { AdminText } from '@/lib/adminLabels'
import { inEveryLanguage } from '@/messages'

/** The machine-translation button's words, in the admin's languages (src/messages/). */
export const machineTranslationMessages = inEveryLanguage((messages) => messages.machineTranslation) satisfies Record<string, AdminText>
