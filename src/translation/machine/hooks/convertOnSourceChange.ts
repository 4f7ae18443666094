import type { CollectionAfterChangeHook } from 'payload'

import { conversionsFrom, isLocale, sourceLocale as defaultSourceLocale } from '@/lib/locales'
import { readTranslationPair, type TranslatedCollection } from '@/translation/documents'

import { machineTranslate } from '../machineTranslate'
import { openccProvider } from '../opencc'

/**
 * Keeps the locales made by conversion (zh-Hant of zh) in step with their source: a save in the
 * source locale converts every such locale whose translation was not made from this very source
 * (missing or outdated) into a needs-review draft, in the save's transaction. It is the machine
 * run of the endpoint, so a field a person edited is kept as they wrote it; a minor edit keeps the
 * fingerprint, and so converts nothing. An autosave converts nothing either: the admin autosaves
 * every 800 ms while someone types, each conversion would be a version of its own (50 are kept
 * per document), and the next save that is not an autosave converts what the autosaves changed.
 */
export const convertOnSourceChange =
  (collection: TranslatedCollection): CollectionAfterChangeHook =>
  async ({ doc, req }) => {
    const source = isLocale(doc.sourceLocale) ? doc.sourceLocale : defaultSourceLocale
    const targets = conversionsFrom(source)
    if (req.locale !== source || targets.length === 0 || String(req.query?.autosave) === 'true') return doc
    // The Local API sets `req.locale` on the request it is given: the save stays one in its locale.
    const { locale, fallbackLocale } = req
    try {
      for (const target of targets) {
        const pair = await readTranslationPair(req, collection, doc.id as number, target.code)
        if (pair.state.sourceFingerprint === pair.sourceFingerprint) continue
        await machineTranslate(req, pair, openccProvider, { cli: true })
      }
    } finally {
      req.locale = locale
      req.fallbackLocale = fallbackLocale
    }
    return doc
  }
