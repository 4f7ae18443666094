import type { PayloadRequest } from 'payload'

import { canonicalJson, valueFingerprint } from '@/translation/fingerprint'
import { saveTranslationDraft, type TranslationPair } from '@/translation/documents'
import { glossaryTerms } from '@/translation/glossary'
import { lookupMemory } from '@/translation/memory/memory'
import { checkMarkup, MarkupMismatch, rebuildInline, partsText } from '@/translation/segments/inline'
import { alignUnits, applyTranslations, fieldUnits, unitHash, type Unit, type UnitTranslation } from '@/translation/segments/units'
import type { TranslatableContent } from '@/translation/sourceContent'

import { ProviderError, type TranslationProvider } from './provider'

export type MachineTranslationResult = {
  /** Segments the provider translated (each distinct source once). */
  sent: number
  /** Segments taken from the translation memory. */
  fromMemory: number
  /** Segments kept from this translation's previous run (their source did not change). */
  reused: number
  /** Fields written. */
  written: string[]
  /** Fields a person edited since the machine wrote them: left as they are. */
  keptEdits: string[]
}

type FieldPlan = { path: string; source: unknown; units: Unit[]; translations: Map<string, UnitTranslation> }

/** A unit's translation from provider output, with the source's markup or refused. */
const fromProvider = (unit: Unit, parts: Parameters<typeof checkMarkup>[1]): UnitTranslation => {
  try {
    checkMarkup(unit.content, parts)
  } catch (error) {
    if (error instanceof MarkupMismatch) throw new ProviderError(`${unit.id}: the provider changed the markup: ${error.message}`)
    throw error
  }
  return typeof unit.value === 'string' ? partsText(parts) : rebuildInline(unit.content, parts)
}

/**
 * Machine-translates what needs it into the pair's target locale and saves it as a needs-review
 * DRAFT. A field a person edited after the machine wrote it is never overwritten; an unchanged
 * source field is not translated again; within a changed field, segments whose source is
 * unchanged keep their translation, approved segments come from the translation memory, and only
 * the rest goes to the provider.
 */
export const machineTranslate = async (
  req: PayloadRequest,
  pair: TranslationPair,
  provider: TranslationProvider,
  { cli = false }: { cli?: boolean } = {},
): Promise<MachineTranslationResult> => {
  const machine = { ...(pair.state.machine ?? {}) }
  const previousSnapshot = pair.state.sourceSnapshot ?? {}
  const snapshot: TranslatableContent = {}
  const result: MachineTranslationResult = { sent: 0, fromMemory: 0, reused: 0, written: [], keptEdits: [] }
  const plans: FieldPlan[] = []
  const pending: { plan: FieldPlan; unit: Unit }[] = []

  for (const [path, source] of Object.entries(pair.source)) {
    const current = pair.target[path]
    if (current !== undefined && machine[path] !== valueFingerprint(current)) {
      // A person's words: kept, and still recorded as made from the source they were made from.
      result.keptEdits.push(path)
      snapshot[path] = previousSnapshot[path] ?? source
      continue
    }
    snapshot[path] = source
    if (current !== undefined && canonicalJson(previousSnapshot[path]) === canonicalJson(source)) continue
    const plan: FieldPlan = { path, source, units: fieldUnits(path, source), translations: new Map() }
    plans.push(plan)
    const previous = new Map<string, UnitTranslation>()
    if (current !== undefined && previousSnapshot[path] !== undefined) {
      const aligned = alignUnits(path, previousSnapshot[path], current)
      for (const unit of fieldUnits(path, previousSnapshot[path])) {
        const translation = aligned.get(unit.id)
        if (translation !== undefined) previous.set(unitHash(unit), translation)
      }
    }
    for (const unit of plan.units) {
      const kept = previous.get(unitHash(unit))
      if (kept !== undefined) {
        plan.translations.set(unit.id, kept)
        result.reused += 1
      } else pending.push({ plan, unit })
    }
  }

  const memory = await lookupMemory(req, pair.sourceLocale, pair.targetLocale, pending.map(({ unit }) => unitHash(unit)))
  const toProvider = pending.filter(({ plan, unit }) => {
    const hit = memory.get(unitHash(unit))
    // A memory entry of the other kind (text field vs rich text) cannot stand in for this unit.
    if (hit === undefined || typeof hit !== typeof unit.value) return true
    plan.translations.set(unit.id, hit)
    result.fromMemory += 1
    return false
  })

  if (toProvider.length > 0) {
    // A segment that occurs twice (the same table cell text, say) is sent once.
    const distinct = [...new Map(toProvider.map(({ unit }) => [unitHash(unit), unit])).values()]
    const glossary = await glossaryTerms(req, pair.sourceLocale, pair.targetLocale)
    const translated = await provider.translate({
      segments: distinct.map((unit) => unit.content),
      source: pair.sourceLocale,
      target: pair.targetLocale,
      glossary,
    })
    if (translated.length !== distinct.length) throw new ProviderError(`${provider.name} returned ${translated.length} of ${distinct.length} segments`)
    const byHash = new Map(distinct.map((unit, index) => [unitHash(unit), fromProvider(unit, translated[index]!)]))
    for (const { plan, unit } of toProvider) plan.translations.set(unit.id, byHash.get(unitHash(unit))!)
    result.sent = distinct.length
  }

  const values = new Map<string, unknown>()
  for (const plan of plans) {
    const value = applyTranslations(plan.source, plan.units, plan.translations)
    values.set(plan.path, value)
    machine[plan.path] = valueFingerprint(value)
    result.written.push(plan.path)
  }
  if (values.size === 0 && canonicalJson(snapshot) === canonicalJson(previousSnapshot)) return result
  await saveTranslationDraft(req, pair, values, { machine, snapshot, provider: provider.name }, { cli })
  return result
}
