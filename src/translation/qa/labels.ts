import type { AdminText } from '@/lib/adminLabels'

const list = (values: string[]): string => values.join(', ')

/**
 * The findings' messages, in each language the admin speaks (like src/translation/admin/labels.ts).
 * Each is a function of what the check found, so a message names the number, link or term.
 */
export const qaMessages = {
  numberMismatch: (missing: string[], added: string[]): AdminText => ({
    zh: `数字与原文不符：${missing.length ? `缺少 ${list(missing)}` : ''}${missing.length && added.length ? '；' : ''}${added.length ? `多出 ${list(added)}` : ''}。`,
    'zh-TW': `數字與原文不符：${missing.length ? `缺少 ${list(missing)}` : ''}${missing.length && added.length ? '；' : ''}${added.length ? `多出 ${list(added)}` : ''}。`,
    en: `Numbers differ from the source:${missing.length ? ` missing ${list(missing)}` : ''}${missing.length && added.length ? ';' : ''}${added.length ? ` not in the source ${list(added)}` : ''}.`,
    fr: `Les nombres diffèrent de la source :${missing.length ? ` manquent ${list(missing)}` : ''}${missing.length && added.length ? ' ;' : ''}${added.length ? ` absents de la source ${list(added)}` : ''}.`,
  }),
  unitMismatch: (value: string, source: string, target: string): AdminText => ({
    zh: `${value} 的单位与原文不同：原文为 ${source}，译文为 ${target}。`,
    'zh-TW': `${value} 的單位與原文不同：原文為 ${source}，譯文為 ${target}。`,
    en: `The unit of ${value} differs: ${source} in the source, ${target} in the translation.`,
    fr: `L’unité de ${value} diffère : ${source} dans la source, ${target} dans la traduction.`,
  }),
  linkMissing: (urls: string[]): AdminText => ({
    zh: `译文缺少原文的链接：${list(urls)}。`,
    'zh-TW': `譯文缺少原文的連結：${list(urls)}。`,
    en: `Links of the source missing from the translation: ${list(urls)}.`,
    fr: `Liens de la source absents de la traduction : ${list(urls)}.`,
  }),
  linkAdded: (urls: string[]): AdminText => ({
    zh: `译文中有原文没有的链接：${list(urls)}。`,
    'zh-TW': `譯文中有原文沒有的連結：${list(urls)}。`,
    en: `Links in the translation that the source does not have: ${list(urls)}.`,
    fr: `Liens de la traduction absents de la source : ${list(urls)}.`,
  }),
  placeholderMismatch: (missing: string[], added: string[]): AdminText => ({
    zh: `占位符或换行与原文不符（缺少：${list(missing) || '无'}；多出：${list(added) || '无'}）。`,
    'zh-TW': `佔位符或換行與原文不符（缺少：${list(missing) || '無'}；多出：${list(added) || '無'}）。`,
    en: `Placeholders or line breaks differ from the source (missing: ${list(missing) || 'none'}; added: ${list(added) || 'none'}).`,
    fr: `Espaces réservés ou sauts de ligne différents de la source (manquants : ${list(missing) || 'aucun'} ; ajoutés : ${list(added) || 'aucun'}).`,
  }),
  codeChanged: (code: string): AdminText => ({
    zh: `原文中的代码 “${code}” 应原样保留。`,
    'zh-TW': `原文中的程式碼 「${code}」 應原樣保留。`,
    en: `The code “${code}” of the source must be kept as it is.`,
    fr: `Le code « ${code} » de la source doit rester tel quel.`,
  }),
  formattingChanged: (missing: string[], added: string[]): AdminText => ({
    zh: `格式与原文不同（缺少：${list(missing) || '无'}；多出：${list(added) || '无'}）。`,
    'zh-TW': `格式與原文不同（缺少：${list(missing) || '無'}；多出：${list(added) || '無'}）。`,
    en: `Formatting differs from the source (missing: ${list(missing) || 'none'}; added: ${list(added) || 'none'}).`,
    fr: `La mise en forme diffère de la source (manquante : ${list(missing) || 'aucune'} ; ajoutée : ${list(added) || 'aucune'}).`,
  }),
  glossaryTerm: (source: string, target: string): AdminText => ({
    zh: `术语表要求将 “${source}” 译为 “${target}”。`,
    'zh-TW': `術語表要求將 「${source}」 譯為 「${target}」。`,
    en: `The glossary renders “${source}” as “${target}”.`,
    fr: `Le glossaire traduit « ${source} » par « ${target} ».`,
  }),
  doNotTranslate: (term: string): AdminText => ({
    zh: `“${term}” 不应翻译，须原样保留。`,
    'zh-TW': `「${term}」 不應翻譯，須原樣保留。`,
    en: `“${term}” is not translated: keep it as it is.`,
    fr: `« ${term} » ne se traduit pas : gardez-le tel quel.`,
  }),
  lengthRatio: (ratio: string, norm: string): AdminText => ({
    zh: `译文长度是原文的 ${ratio} 倍，远离通常的 ${norm} 倍：可能有遗漏或多余内容。`,
    'zh-TW': `譯文長度是原文的 ${ratio} 倍，遠離通常的 ${norm} 倍：可能有遺漏或多餘內容。`,
    en: `The translation is ${ratio}× the source's length, far from the usual ${norm}×: something may be missing or added.`,
    fr: `La traduction fait ${ratio} fois la longueur de la source, loin des ${norm} fois habituelles : il manque ou s’ajoute peut-être quelque chose.`,
  }),
  untranslated: (): AdminText => ({
    zh: '译文与原文相同：未翻译。',
    'zh-TW': '譯文與原文相同：未翻譯。',
    en: 'The translation is the same as the source: not translated.',
    fr: 'La traduction est identique à la source : non traduite.',
  }),
  emptySegment: (): AdminText => ({
    zh: '原文此段有内容，译文为空。',
    'zh-TW': '原文此段有內容，譯文為空。',
    en: 'The source has words here; the translation is empty.',
    fr: 'La source a du texte ici ; la traduction est vide.',
  }),
  fieldMissing: (): AdminText => ({
    zh: '此字段尚未翻译：读者将看到回退语言的文本。',
    'zh-TW': '此欄位尚未翻譯：讀者將看到回退語言的文本。',
    en: 'This field is not translated: readers see the fallback language.',
    fr: 'Ce champ n’est pas traduit : les lecteurs voient la langue de repli.',
  }),
  structureDiffers: (): AdminText => ({
    zh: '译文的段落结构与原文不同：只能整体检查此字段。',
    'zh-TW': '譯文的段落結構與原文不同：只能整體檢查此欄位。',
    en: "The translation's blocks differ from the source's: this field is checked as a whole.",
    fr: 'Les blocs de la traduction diffèrent de ceux de la source : ce champ est vérifié d’un seul tenant.',
  }),
  frSpace: (mark: string, where: string): AdminText => ({
    zh: `法语中 “${mark}” 前后需要不换行空格：${where}`,
    'zh-TW': `法語中 「${mark}」 前後需要不換行空格：${where}`,
    en: `French needs a non-breaking space with “${mark}”: ${where}`,
    fr: `Il faut une espace insécable avec « ${mark} » : ${where}`,
  }),
  frQuotes: (where: string): AdminText => ({
    zh: `法语应使用 « » 引号：${where}`,
    'zh-TW': `法語應使用 « » 引號：${where}`,
    en: `French uses « » quotes: ${where}`,
    fr: `Le français utilise les guillemets « » : ${where}`,
  }),
  frNumber: (number: string): AdminText => ({
    zh: `法语数字 “${number}” 应以（窄）不换行空格分隔千位，逗号是小数点。`,
    'zh-TW': `法語數字 「${number}」 應以（窄）不換行空格分隔千位，逗號是小數點。`,
    en: `In French, “${number}” groups thousands with a (narrow) non-breaking space; a comma is the decimal mark.`,
    fr: `En français, « ${number} » sépare les milliers par une espace insécable (fine) ; la virgule est décimale.`,
  }),
  zhQuotes: (where: string): AdminText => ({
    zh: `中文里不应使用英文引号，请用 “” 或 「」：${where}`,
    'zh-TW': `中文裡不應使用英文引號，請用 「」 或 「」：${where}`,
    en: `No ASCII quotes in Chinese text (use “” or 「」): ${where}`,
    fr: `Pas de guillemets ASCII dans un texte chinois (utiliser “” ou 「」) : ${where}`,
  }),
  zhPunctuation: (mark: string, where: string): AdminText => ({
    zh: `中文里应使用全角标点，而不是 “${mark}”：${where}`,
    'zh-TW': `中文裡應使用全形標點，而不是 「${mark}」：${where}`,
    en: `Chinese text uses full-width punctuation, not “${mark}”: ${where}`,
    fr: `Le texte chinois utilise la ponctuation pleine chasse, pas « ${mark} » : ${where}`,
  }),
  sourceTitleMissing: (): AdminText => ({ zh: '来源缺少标题。', 'zh-TW': '來源缺少標題。', en: 'The source has no title.', fr: 'La source n’a pas de titre.' }),
  sourcePublisherMissing: (): AdminText => ({
    zh: '来源缺少发布方。',
    'zh-TW': '來源缺少發布方。',
    en: 'The source has no publisher.',
    fr: 'La source n’a pas d’éditeur.',
  }),
  sourceDateMissing: (): AdminText => ({ zh: '来源缺少日期。', 'zh-TW': '來源缺少日期。', en: 'The source has no date.', fr: 'La source n’a pas de date.' }),
  sourceUrlMissing: (): AdminText => ({ zh: '来源缺少网址。', 'zh-TW': '來源缺少網址。', en: 'The source has no URL.', fr: 'La source n’a pas d’URL.' }),
  sourceBareDomain: (url: string): AdminText => ({
    zh: `来源网址 ${url} 只是网站首页：请链接到具体网页。`,
    'zh-TW': `來源網址 ${url} 只是網站首頁：請連結到具體網頁。`,
    en: `The source URL ${url} is a bare domain: link the page itself.`,
    fr: `L’URL de la source ${url} n’est qu’un domaine : donnez l’adresse de la page elle-même.`,
  }),
  sourceDuplicateUrl: (url: string): AdminText => ({
    zh: `多个来源使用同一网址 ${url}。`,
    'zh-TW': `多個來源使用同一網址 ${url}。`,
    en: `Several sources share the URL ${url}.`,
    fr: `Plusieurs sources partagent l’URL ${url}.`,
  }),
  sourcesNone: (): AdminText => ({ zh: '此记录没有来源。', 'zh-TW': '此記錄沒有來源。', en: 'This record has no sources.', fr: 'Cette fiche n’a aucune source.' }),
  needsReverification: (days: number): AdminText => ({
    zh: `需要重新核实：上次核实已超过 ${days} 天。`,
    'zh-TW': `需要重新核實：上次核實已超過 ${days} 天。`,
    en: `Needs re-verification: last verified more than ${days} days ago.`,
    fr: `À revérifier : dernière vérification il y a plus de ${days} jours.`,
  }),
  neverVerified: (): AdminText => ({
    zh: '需要重新核实：从未核实。',
    'zh-TW': '需要重新核實：從未核實。',
    en: 'Needs re-verification: never verified.',
    fr: 'À revérifier : jamais vérifiée.',
  }),
} satisfies Record<string, (...args: never[]) => AdminText>
