/** A word as readers may mistype it: lower-case, without accents (téléphone → telephone). */
export const plainWord = (word: string): string =>
  word
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()

/** Latin-script words of three letters or more, for "did you mean": each once, by its plain form. */
export const wordsOf = (text: string): { plain: string; word: string }[] => {
  const seen = new Map<string, string>()
  for (const match of text.normalize('NFC').matchAll(/\p{Script=Latin}[\p{Script=Latin}\p{M}]{2,39}/gu)) {
    const word = match[0].toLowerCase()
    const plain = plainWord(word)
    if (!seen.has(plain)) seen.set(plain, word)
  }
  return [...seen].map(([plain, word]) => ({ plain, word }))
}
