import type { Field } from 'payload'

import { isStaffField } from '@/access/isStaff'
import { notTranslator } from '@/access/translators'
import { adminTextsOf, labelledOptions } from '@/lib/adminLabels'
import { dayAndTime } from '@/fields/dates'
import { notInLists } from '@/fields/notInLists'
import { localeCodes, locales, sourceLocale } from '@/lib/locales'
import { machineProviders } from '@/translation/machine/provider'
import { translationStatusLabels, workflowStatuses } from '@/translation/statuses'

const texts = adminTextsOf('translation')

/**
 * The translation workflow's fields on a content collection.
 * - `sourceLocale`: the locale others are translated from.
 * - `sourceFingerprint`: hash of the source text as of its last non-minor edit.
 * - `minorEdit`: a save option, not stored: a typo fix that must not make translations outdated.
 * - `translation` (per locale): the workflow status, who is on it, and what source it was made
 *   from (fingerprint and snapshot: the snapshot is what the diff of an outdated translation
 *   compares against), plus the fingerprints of machine output, so a person's edit is never
 *   overwritten by a later machine run.
 */
export const translationFields = (): Field[] => [
  {
    name: 'sourceLocale',
    type: 'select',
    label: texts.sourceLocale,
    options: locales.map(({ code, label }) => ({ label, value: code })),
    // Not `required`: the default fills it, and required would make every Local API create spell it out.
    defaultValue: sourceLocale,
    admin: { position: 'sidebar' },
  },
  {
    name: 'sourceFingerprint',
    type: 'text',
    access: { read: isStaffField },
    admin: { hidden: true, readOnly: true, ...notInLists },
  },
  {
    name: 'minorEdit',
    type: 'checkbox',
    virtual: true,
    label: texts.minorEdit,
    admin: { position: 'sidebar', ...notInLists },
  },
  {
    name: 'translation',
    type: 'group',
    localized: true,
    // The snapshot holds source text as it was when translated, drafts included: staff only.
    access: { read: isStaffField },
    label: texts.translation,
    admin: { position: 'sidebar' },
    fields: [
      {
        name: 'status',
        type: 'select',
        label: texts.status,
        options: labelledOptions(workflowStatuses, translationStatusLabels),
      },
      {
        name: 'assignee',
        type: 'relationship',
        label: texts.assignee,
        relationTo: 'users',
      },
      { name: 'sourceFingerprint', type: 'text', admin: { hidden: true, readOnly: true, ...notInLists } },
      { name: 'sourceSnapshot', type: 'json', admin: { hidden: true, readOnly: true, ...notInLists } },
      { name: 'machine', type: 'json', admin: { hidden: true, readOnly: true, ...notInLists } },
      {
        // Marks a converted translation (zh-Hant made from zh by OpenCC) apart from a machine-translated one.
        name: 'machineProvider',
        type: 'select',
        label: texts.machineProvider,
        options: labelledOptions(machineProviders, texts.machineProviders),
        admin: { readOnly: true, ...notInLists },
      },
      // Translation QA (src/translation/qa/): written by the save hook, read by the dashboard and the API.
      { name: 'qaErrors', type: 'number', index: true, admin: { hidden: true, readOnly: true, ...notInLists } },
      { name: 'qaWarnings', type: 'number', admin: { hidden: true, readOnly: true, ...notInLists } },
      { name: 'qaFindings', type: 'json', admin: { hidden: true, readOnly: true, ...notInLists } },
      {
        name: 'qaOverrideReason',
        type: 'textarea',
        label: texts.qaOverrideReason,
        access: { update: notTranslator },
        admin: {
          description: texts.qaOverrideReasonDescription,
        },
      },
      { name: 'qaOverride', type: 'json', admin: { hidden: true, readOnly: true, ...notInLists } },
      {
        name: 'translatedAt',
        type: 'date',
        label: texts.translatedAt,
        admin: { readOnly: true, date: dayAndTime },
      },
    ],
  },
  {
    // The computed status and, for an outdated translation, what changed in the source since.
    name: 'translationChanges',
    type: 'ui',
    admin: {
      position: 'sidebar',
      disableListColumn: true,
      components: { Field: '/src/translation/admin/SourceChanges#SourceChanges' },
    },
  },
]

export const targetLocales = (source: string): string[] => localeCodes.filter((code) => code !== source)
