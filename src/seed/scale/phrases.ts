import type { Locale } from '@/lib/locales'
import { withConversions } from '@/translation/machine/opencc'

/**
 * The words synthetic guides are made of, aligned across locales: the n-th entry of each list says
 * the same thing in zh, en and fr (zh-Hant's are converted from zh's). `{place}`, `{carrier}`, `{n}` and `{price}` are filled in.
 */
type Phrases = Record<Locale, readonly string[]>

export const destinations = [
  'JP', 'KR', 'TH', 'VN', 'SG', 'MY', 'ID', 'PH', 'AU', 'NZ', 'NC', 'PF', 'FJ', 'FR', 'DE', 'IT', 'ES', 'PT',
  'GB', 'IE', 'NL', 'BE', 'CH', 'AT', 'GR', 'TR', 'EG', 'MA', 'ZA', 'KE', 'AE', 'QA', 'US', 'CA', 'MX', 'BR',
  'AR', 'CL', 'PE', 'IS', 'NO', 'SE', 'FI', 'DK', 'PL', 'CZ', 'HU', 'HR', 'MV', 'LK', 'NP', 'KH', 'LA', 'MN',
] as const

export const topics: Phrases = withConversions({
  zh: ['上网指南：电话卡与 eSIM', '移动支付与银行卡', '现金、汇率与小费', '机场到市区的交通', '常用应用与网络限制', '安全与紧急电话', '长途旅行的流量规划', '自驾与离线地图', '住宿预订与退税', '季节与行前准备'],
  en: ['getting online: SIM cards and eSIMs', 'mobile payments and bank cards', 'cash, exchange rates and tipping', 'from the airport to the city', 'apps that work and what is blocked', 'safety and emergency numbers', 'planning data for a long trip', 'driving and offline maps', 'booking a stay and tax refunds', 'seasons and what to prepare'],
  fr: ['se connecter : cartes SIM et eSIM', 'paiement mobile et cartes bancaires', 'espèces, change et pourboires', "de l'aéroport au centre-ville", 'applications utiles et restrictions', "sécurité et numéros d'urgence", 'prévoir ses données pour un long voyage', 'conduire et cartes hors ligne', 'réserver un logement et détaxe', 'saisons et préparatifs'],
})

export const angles: Phrases = withConversions({
  zh: ['完整指南', '新手须知', '实用清单', '常见问题', '2026 年版', '省钱要点'],
  en: ['the complete guide', 'first-timer essentials', 'a practical checklist', 'common questions', 'the 2026 edition', 'ways to save'],
  fr: ['le guide complet', "l'essentiel pour une première fois", 'la liste pratique', 'questions fréquentes', "l'édition 2026", 'bons plans'],
})

export const sentences: Phrases = withConversions({
  zh: [
    '到达{place}之前，最好先想清楚怎样上网、怎样付钱。',
    '{carrier} 的覆盖范围在城市里最好，偏远地区信号可能很弱。',
    '机场柜台的电话卡通常比市区贵，但可以马上开通。',
    '旅行 eSIM 一般只有流量，没有本地电话号码，也收不到短信。',
    '多数商店接受银行卡，小摊和出租车有时只收现金。',
    '一张约 {price} 的套餐大概能用 {n} 天，足够导航和聊天。',
    '出发前请在手机设置里确认是否支持 eSIM。',
    '公共无线网络方便但不安全，避免在上面登录网银。',
    '当地紧急电话全天有人接听，警察、消防和急救各有号码。',
    '本段信息来自公开资料，出行前请再核实一次。',
    '在{place}，很多年轻人用手机扫码付款，但游客不一定能开通。',
    '如果需要接收验证码短信，请保留国内号码的漫游。',
  ],
  en: [
    'Before you arrive in {place}, decide how you will get online and how you will pay.',
    "{carrier}'s coverage is best in the cities; the signal can be weak in remote areas.",
    'SIM cards sold at the airport usually cost more than in town, but they work at once.',
    'A travel eSIM is usually data-only: no local number, and no SMS.',
    'Most shops take bank cards; street stalls and taxis sometimes want cash.',
    'A plan of about {price} lasts some {n} days, enough for maps and messaging.',
    'Check in your phone settings that it supports eSIM before you leave.',
    'Public Wi-Fi is handy but not safe: avoid signing in to your bank on it.',
    'Emergency numbers answer day and night, with one for police, fire and ambulance each.',
    'This comes from public sources: check it again before you travel.',
    'In {place}, many locals pay by scanning a code, but visitors cannot always sign up.',
    'If you need text-message codes, keep roaming on for your home number.',
  ],
  fr: [
    'Avant d’arriver à destination ({place}), décidez comment vous connecter et comment payer.',
    'La couverture de {carrier} est meilleure en ville ; le signal peut être faible dans les zones isolées.',
    'Les cartes SIM vendues à l’aéroport coûtent souvent plus cher qu’en ville, mais fonctionnent tout de suite.',
    'Une eSIM de voyage est en général data seule : pas de numéro local, pas de SMS.',
    'La plupart des commerces acceptent la carte ; les étals et les taxis veulent parfois des espèces.',
    'Un forfait d’environ {price} dure quelque {n} jours, assez pour les cartes et la messagerie.',
    'Vérifiez dans les réglages de votre téléphone qu’il accepte l’eSIM avant de partir.',
    'Le Wi-Fi public est pratique mais peu sûr : évitez de vous connecter à votre banque.',
    'Les numéros d’urgence répondent jour et nuit, un pour la police, les pompiers et le SAMU.',
    'Ces informations viennent de sources publiques : vérifiez-les avant le départ.',
    'Sur place ({place}), beaucoup paient en scannant un code, mais les visiteurs ne peuvent pas toujours s’inscrire.',
    'Si vous devez recevoir des codes par SMS, gardez l’itinérance de votre numéro habituel.',
  ],
})

export const headings: Phrases = withConversions({
  zh: ['出发前', '到达之后', '费用', '注意事项', '我们的建议'],
  en: ['Before you go', 'Once you arrive', 'What it costs', 'Watch out for', 'Our advice'],
  fr: ['Avant de partir', 'Une fois sur place', 'Combien ça coûte', 'À surveiller', 'Notre conseil'],
})

export const carrierWords = {
  brands: ['Nova', 'Orbit', 'Pacific', 'Lumen', 'Vega', 'Atlas', 'Kite', 'Harbor', 'Summit', 'Coral', 'Zenith', 'Meridian', 'Aurora', 'Tide', 'Cedar'],
  suffixes: ['Mobile', 'Telecom', 'Connect', 'SIM', 'Wireless', 'Net'],
}

export const carrierDescriptions: Phrases = withConversions({
  zh: ['{carrier} 在{place}提供移动网络服务。', '游客可以在机场或营业厅购买 {carrier} 的电话卡。', '{carrier} 的套餐价格和流量以官网为准。'],
  en: ['{carrier} runs a mobile network in {place}.', 'Visitors can buy {carrier} SIM cards at the airport or in its shops.', "{carrier}'s prices and data allowances are as its website states."],
  fr: ['{carrier} exploite un réseau mobile ({place}).', 'Les visiteurs peuvent acheter une carte SIM {carrier} à l’aéroport ou en boutique.', 'Les prix et volumes de {carrier} sont ceux qu’indique son site.'],
})

export const offerNames: Phrases = withConversions({
  zh: ['游客卡', '流量包', '月度套餐', '旅行 eSIM'],
  en: ['Tourist card', 'Data pack', 'Monthly plan', 'Travel eSIM'],
  fr: ['Carte touriste', 'Pack data', 'Forfait mensuel', 'eSIM voyage'],
})

export const tipTitles: Phrases = withConversions({
  zh: ['随身带一点现金', '提前下载离线地图', '确认手机支持当地频段', '保存紧急电话', '开通银行卡境外支付', '准备一个转换插头', '避开机场换汇', '备份重要证件'],
  en: ['Carry a little cash', 'Download offline maps first', 'Check your phone supports local bands', 'Save the emergency numbers', 'Enable your card abroad', 'Pack a plug adapter', 'Skip the airport exchange desk', 'Back up your documents'],
  fr: ['Garder un peu d’espèces', 'Télécharger les cartes hors ligne', 'Vérifier les bandes de son téléphone', 'Noter les numéros d’urgence', 'Activer sa carte à l’étranger', 'Prévoir un adaptateur', 'Éviter le bureau de change de l’aéroport', 'Sauvegarder ses papiers'],
})

export const sourcePublishers = ['Tourism office', 'Telecom regulator', 'Central bank', 'Consumer association', 'Airport authority', 'Travel forum']

export const fill = (template: string, values: Record<string, string>): string =>
  template.replace(/\{(\w+)\}/g, (_, key: string) => values[key] ?? key)
