import type { UIField } from 'payload'

/** The machine-translation button in a content document's sidebar (shown in target locales only). */
export const machineTranslateField = (): UIField => ({
  name: 'machineTranslate',
  type: 'ui',
  admin: {
    position: 'sidebar',
    disableListColumn: true,
    components: { Field: '/src/translation/machine/admin/MachineTranslateButton#MachineTranslateButton' },
  },
})
