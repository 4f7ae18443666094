import type { ArrayField } from 'payload'

import { validateCurrencyCode, validateDataAllowance, validateNonNegative } from '@/fields/validators'

export const offerTypes = ['physical-sim', 'esim', 'tourist-sim'] as const

export const offersField = (): ArrayField => ({
  name: 'offers',
  type: 'array',
  admin: { initCollapsed: true },
  fields: [
    { name: 'name', type: 'text', localized: true, required: true },
    {
      name: 'type',
      type: 'select',
      required: true,
      options: offerTypes.map((type) => ({ label: type, value: type })),
    },
    {
      type: 'row',
      fields: [
        {
          name: 'dataAllowanceGB',
          label: 'Data (GB)',
          type: 'number',
          min: 0,
          validate: validateDataAllowance,
          admin: { description: 'Empty when unlimited or unknown.' },
        },
        { name: 'unlimitedData', type: 'checkbox', defaultValue: false },
        { name: 'validityDays', type: 'number', min: 1, admin: { step: 1 } },
      ],
    },
    {
      name: 'price',
      type: 'group',
      fields: [
        {
          type: 'row',
          fields: [
            { name: 'amount', type: 'number', min: 0, validate: validateNonNegative },
            {
              name: 'currency',
              type: 'text',
              maxLength: 3,
              validate: validateCurrencyCode,
              admin: { description: 'ISO 4217, e.g. XPF' },
            },
          ],
        },
      ],
    },
    {
      type: 'row',
      fields: [
        { name: 'includesPhoneNumber', type: 'checkbox', defaultValue: false },
        { name: 'receivesSms', label: 'Receives SMS', type: 'checkbox', defaultValue: false },
      ],
    },
    { name: 'notes', type: 'textarea', localized: true },
  ],
})
