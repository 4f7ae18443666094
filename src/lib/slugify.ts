import { pinyin } from 'pinyin-pro'

const han = /\p{Script=Han}/u

/** A URL slug ([a-z0-9-]) from any title: Chinese becomes toneless pinyin, accents are dropped. */
export const slugify = (title: string): string => {
  const latin = han.test(title)
    ? pinyin(title, { toneType: 'none', type: 'array', nonZh: 'consecutive', v: true }).join(' ')
    : title
  return latin
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 96)
    .replace(/-+$/, '')
}

export const slugPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/
