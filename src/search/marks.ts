/**
 * Where a snippet's highlighted words start and stop: two characters of Unicode's private use
 * area, which no guide holds (the index strips them), so that text and highlights travel
 * together from PostgreSQL's ts_headline without any HTML in between.
 */
export const markStart = '\uE000'
export const markStop = '\uE001'

const marks = /[\uE000\uE001]/g

export const withoutMarks = (text: string): string => text.replace(marks, '')

/** A highlighted text as runs: plain text and hits, in order. */
export type Highlighted = { text: string; hit: boolean }[]

export const runsOf = (marked: string): Highlighted => {
  const runs: Highlighted = []
  let hit = false
  for (const part of marked.split(/([\uE000\uE001])/)) {
    if (part === markStart) hit = true
    else if (part === markStop) hit = false
    else if (part !== '') runs.push({ text: part, hit })
  }
  return runs
}

const escapeHtml = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')

/** For the API: the text escaped as HTML, each hit in `<mark>`. */
export const runsAsHtml = (runs: Highlighted): string => runs.map((run) => (run.hit ? `<mark>${escapeHtml(run.text)}</mark>` : escapeHtml(run.text))).join('')
