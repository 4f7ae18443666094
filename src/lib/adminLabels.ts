/**
 * Labels and descriptions of the admin UI, in each language it speaks (`i18n.supportedLanguages`
 * in payload.config.ts). Payload shows the editor's language; generated types take the English.
 */
export type AdminText = { zh: string; en: string; fr: string }

/** The singular and plural labels of a collection, block or array. */
export type AdminLabels = { singular: AdminText; plural: AdminText }

/** A select's options, each labelled in every language; `values` keeps the stored values and their order. */
export const labelledOptions = <Value extends string>(
  values: readonly Value[],
  texts: Record<Value, AdminText>,
): { label: AdminText; value: Value }[] => values.map((value) => ({ label: texts[value], value }))

/** The collections' names, also the labels of the fields and blocks that point at them. */
export const collectionLabels = {
  articles: {
    singular: { zh: '文章', en: 'Article', fr: 'Article' },
    plural: { zh: '文章', en: 'Articles', fr: 'Articles' },
  },
  carriers: {
    singular: { zh: '运营商', en: 'Carrier', fr: 'Opérateur' },
    plural: { zh: '运营商', en: 'Carriers', fr: 'Opérateurs' },
  },
  tips: {
    singular: { zh: '小贴士', en: 'Tip', fr: 'Conseil' },
    plural: { zh: '小贴士', en: 'Tips', fr: 'Conseils' },
  },
  media: {
    singular: { zh: '媒体', en: 'Media', fr: 'Média' },
    plural: { zh: '媒体', en: 'Media', fr: 'Médias' },
  },
  users: {
    singular: { zh: '用户', en: 'User', fr: 'Utilisateur' },
    plural: { zh: '用户', en: 'Users', fr: 'Utilisateurs' },
  },
  apiKeys: {
    singular: { zh: 'API 密钥', en: 'API key', fr: 'Clé d’API' },
    plural: { zh: 'API 密钥', en: 'API keys', fr: 'Clés d’API' },
  },
  webhooks: {
    singular: { zh: 'Webhook', en: 'Webhook', fr: 'Webhook' },
    plural: { zh: 'Webhook', en: 'Webhooks', fr: 'Webhooks' },
  },
  'webhook-deliveries': {
    singular: { zh: 'Webhook 投递', en: 'Webhook delivery', fr: 'Envoi de webhook' },
    plural: { zh: 'Webhook 投递记录', en: 'Webhook deliveries', fr: 'Envois de webhooks' },
  },
} satisfies Record<string, AdminLabels>

/** Labels that more than one field, tab or option uses. */
export const labels = {
  title: { zh: '标题', en: 'Title', fr: 'Titre' },
  name: { zh: '名称', en: 'Name', fr: 'Nom' },
  description: { zh: '描述', en: 'Description', fr: 'Description' },
  body: { zh: '正文', en: 'Body', fr: 'Texte' },
  content: { zh: '内容', en: 'Content', fr: 'Contenu' },
  type: { zh: '类型', en: 'Type', fr: 'Type' },
  seo: { zh: 'SEO', en: 'SEO', fr: 'SEO' },
  unverified: { zh: '未核实', en: 'Unverified', fr: 'Non vérifié' },
} satisfies Record<string, AdminText>
