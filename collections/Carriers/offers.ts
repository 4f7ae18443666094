import type { ArrayField, SelectField } from 'payload'

import { type AdminText, labelledOptions, labels } from '@/lib/adminLabels'
import { validateCurrencyCode, validateDataAllowance, validateNonNegative } from '@/fields/validators'

export const offerTypes = ['physical-sim', 'esim', 'tourist-sim'] as const

/** How sure a fact about an offer is: travel eSIMs "usually" lack a number, which a yes/no box can't say. */
export const likelihoods = ['yes', 'usually', 'usually-not', 'no', 'unknown'] as const

const likelihoodField = (name: string, label: AdminText): SelectField => ({
  name,
  type: 'select',
  label,
  defaultValue: 'unknown',
  options: labelledOptions(likelihoods, {
    yes: { zh: '是', en: 'Yes', fr: 'Oui' },
    usually: { zh: '通常是', en: 'Usually', fr: 'En général oui' },
    'usually-not': { zh: '通常不是', en: 'Usually not', fr: 'En général non' },
    no: { zh: '否', en: 'No', fr: 'Non' },
    unknown: { zh: '不详', en: 'Unknown', fr: 'Inconnu' },
  }),
})

export const offersField = (): ArrayField => ({
  name: 'offers',
  type: 'array',
  label: { zh: '套餐', en: 'Offers', fr: 'Offres' },
  labels: {
    singular: { zh: '套餐', en: 'Offer', fr: 'Offre' },
    plural: { zh: '套餐', en: 'Offers', fr: 'Offres' },
  },
  admin: { initCollapsed: true },
  fields: [
    { name: 'name', type: 'text', label: labels.name, localized: true, required: true },
    {
      name: 'type',
      type: 'select',
      label: labels.type,
      required: true,
      options: labelledOptions(offerTypes, {
        'physical-sim': { zh: '实体 SIM 卡', en: 'Physical SIM', fr: 'Carte SIM physique' },
        esim: { zh: 'eSIM', en: 'eSIM', fr: 'eSIM' },
        'tourist-sim': { zh: '旅游 SIM 卡', en: 'Tourist SIM', fr: 'Carte SIM touristique' },
      }),
    },
    {
      type: 'row',
      fields: [
        {
          name: 'dataAllowanceGB',
          label: { zh: '流量（GB）', en: 'Data (GB)', fr: 'Données (Go)' },
          type: 'number',
          min: 0,
          validate: validateDataAllowance,
          admin: {
            description: {
              zh: '不限流量或流量未知时留空。',
              en: 'Empty when unlimited or unknown.',
              fr: 'À laisser vide si le volume est illimité ou inconnu.',
            },
          },
        },
        {
          name: 'unlimitedData',
          type: 'checkbox',
          label: { zh: '不限流量', en: 'Unlimited data', fr: 'Données illimitées' },
          defaultValue: false,
        },
        {
          name: 'validityDays',
          type: 'number',
          label: { zh: '有效期（天）', en: 'Validity (days)', fr: 'Validité (jours)' },
          min: 1,
          admin: { step: 1 },
        },
      ],
    },
    {
      name: 'price',
      type: 'group',
      label: { zh: '价格', en: 'Price', fr: 'Prix' },
      fields: [
        {
          type: 'row',
          fields: [
            {
              name: 'amount',
              type: 'number',
              label: { zh: '金额', en: 'Amount', fr: 'Montant' },
              min: 0,
              validate: validateNonNegative,
            },
            {
              name: 'currency',
              type: 'text',
              label: { zh: '币种', en: 'Currency', fr: 'Devise' },
              maxLength: 3,
              validate: validateCurrencyCode,
              admin: {
                description: {
                  zh: 'ISO 4217 代码，例如 XPF',
                  en: 'ISO 4217, e.g. XPF',
                  fr: 'Code ISO 4217, par ex. XPF',
                },
              },
            },
          ],
        },
      ],
    },
    {
      type: 'row',
      fields: [
        likelihoodField('includesPhoneNumber', { zh: '含电话号码', en: 'Includes phone number', fr: 'Numéro de téléphone inclus' }),
        likelihoodField('receivesSms', { zh: '可接收短信', en: 'Receives SMS', fr: 'Réception des SMS' }),
      ],
    },
    { name: 'notes', type: 'textarea', label: { zh: '备注', en: 'Notes', fr: 'Remarques' }, localized: true },
  ],
})
