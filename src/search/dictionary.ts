/**
 * Words jieba's stock dictionary lacks or splits, kept whole at index and query time: places of
 * the guides, payment and messaging apps, carriers and eSIM brands. A word added here is found
 * once the index is rebuilt (`npm run search:reindex`).
 */
export const searchDictionary: readonly string[] = [
  // Places
  '新喀里多尼亚',
  '新喀',
  '努美阿',
  '洛亚蒂群岛',
  '利富岛',
  '松树岛',
  '乌韦阿',
  '马雷岛',
  '大特尔岛',
  '塔希提',
  '法属波利尼西亚',
  '瓦利斯和富图纳',
  '太平洋法郎',
  // Apps and payment
  '支付宝',
  '微信',
  '微信支付',
  '银联',
  '云闪付',
  '谷歌地图',
  '高德地图',
  // Carriers and eSIM brands
  '移动运营商',
  '电话卡',
  '流量卡',
  '旅游卡',
  '纯流量',
  '漫游',
]

/** In jieba's dictionary format (`word frequency`): frequent enough to be kept whole. */
export const searchDictionaryText = (): string => searchDictionary.map((word) => `${word} 20000`).join('\n')
