import type { ArrayField, SelectField } from 'payload'

import { type AdminText, adminTextsOf, labelledOptions, labels } from '@/lib/adminLabels'
import { validateCurrencyCode, validateDataAllowance, validateNonNegative } from '@/fields/validators'

const texts = adminTextsOf('offers')

export const offerTypes = ['physical-sim', 'esim', 'tourist-sim'] as const

/** How sure a fact about an offer is: travel eSIMs "usually" lack a number, which a yes/no box can't say. */
export const likelihoods = ['yes', 'usually', 'usually-not', 'no', 'unknown'] as const

const likelihoodField = (name: string, label: AdminText): SelectField => ({
  name,
  type: 'select',
  label,
  defaultValue: 'unknown',
  options: labelledOptions(likelihoods, texts.likelihoods),
})

export const offersField = (): ArrayField => ({
  name: 'offers',
  type: 'array',
  label: texts.offers,
  labels: {
    singular: texts.offer,
    plural: texts.offers,
  },
  admin: { initCollapsed: true },
  fields: [
    { name: 'name', type: 'text', label: labels.name, localized: true, required: true },
    {
      name: 'type',
      type: 'select',
      label: labels.type,
      required: true,
      options: labelledOptions(offerTypes, texts.offerTypes),
    },
    {
      type: 'row',
      fields: [
        {
          name: 'dataAllowanceGB',
          label: texts.dataAllowanceGB,
          type: 'number',
          min: 0,
          validate: validateDataAllowance,
          admin: {
            description: texts.dataAllowanceGBDescription,
          },
        },
        {
          name: 'unlimitedData',
          type: 'checkbox',
          label: texts.unlimitedData,
          defaultValue: false,
        },
        {
          name: 'validityDays',
          type: 'number',
          label: texts.validityDays,
          min: 1,
          admin: { step: 1 },
        },
      ],
    },
    {
      name: 'price',
      type: 'group',
      label: texts.price,
      fields: [
        {
          type: 'row',
          fields: [
            {
              name: 'amount',
              type: 'number',
              label: texts.amount,
              min: 0,
              validate: validateNonNegative,
            },
            {
              name: 'currency',
              type: 'text',
              label: texts.currency,
              maxLength: 3,
              validate: validateCurrencyCode,
              admin: {
                description: texts.currencyDescription,
              },
            },
          ],
        },
      ],
    },
    {
      type: 'row',
      fields: [
        likelihoodField('includesPhoneNumber', texts.includesPhoneNumber),
        likelihoodField('receivesSms', texts.receivesSms),
      ],
    },
    { name: 'notes', type: 'textarea', label: texts.notes, localized: true },
  ],
})
