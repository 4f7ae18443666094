import { describe, expect, it } from 'vitest'

import { formatPartialDate, formatPrice, xpfInEuros } from '@/site/format'
import { negotiateLocale } from '@/site/negotiate'

describe('prices', () => {
  it('converts XPF to euros at the fixed peg (1,000 XPF = 8.38 EUR)', () => {
    expect(xpfInEuros(1000)).toBe(8.38)
    expect(xpfInEuros(3500)).toBe(29.33)
    expect(xpfInEuros(0)).toBe(0)
  })

  it('formats a price in its currency for each locale', () => {
    expect(formatPrice(3500, 'XPF', 'fr').replace(/\s/g, ' ')).toBe('3 500 FCFP')
    expect(formatPrice(29.33, 'EUR', 'fr').replace(/\s/g, ' ')).toBe('29,33 €')
    expect(formatPrice(29.33, 'EUR', 'en')).toBe('€29.33')
    expect(formatPrice(29.33, 'EUR', 'zh')).toBe('€29.33')
  })
})

describe('source dates', () => {
  it('keeps the precision the source gives', () => {
    expect(formatPartialDate('2024', 'fr')).toBe('2024')
    expect(formatPartialDate('2024-09', 'fr')).toBe('septembre 2024')
    expect(formatPartialDate('2023-07-22', 'zh')).toBe('2023年7月22日')
  })
})

describe('Accept-Language', () => {
  it.each([
    ['zh-TW,zh;q=0.9', 'zh-Hant'],
    ['zh-Hant-HK', 'zh-Hant'],
    ['zh-CN,zh-TW;q=0.9', 'zh'],
    ['zh-SG', 'zh'],
    ['fr-CH, fr;q=0.9, en;q=0.8', 'fr'],
    ['en-GB,en;q=0.9', 'en'],
    ['de-DE,de;q=0.9', 'en'],
    ['de;q=0.9,fr;q=0.8,zh;q=0.5', 'fr'],
    ['en;q=0.1,zh;q=0.9', 'zh'],
    ['', 'en'],
    ['*', 'en'],
  ])('%j → %s', (header, locale) => {
    expect(negotiateLocale(header)).toBe(locale)
  })
})
