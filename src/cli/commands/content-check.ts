/**
 * `npm run content:check -- [DIR] [--lang en|fr|zh] [--strict]`: every translation QA check and
 * every source check over the Markdown content (default `content/`), with no database. Prints
 * one line per finding; exits 1 when there is an error (with `--strict`, a warning too), else 0.
 */
import path from 'node:path'
import { parseArgs } from 'node:util'

import { Articles } from '@collections/Articles'
import { Carriers } from '@collections/Carriers'
import { Tips } from '@collections/Tips'

import { adminLanguageOf, isLocale, localeCodes } from '@/lib/locales'
import { checkContentFolder } from '@/translation/qa/contentCheck'

const usage = `usage: npm run content:check -- [DIR] [--lang ${localeCodes.join('|')}] [--strict]`

let parsed
try {
  parsed = parseArgs({ allowPositionals: true, options: { lang: { type: 'string', default: 'en' }, strict: { type: 'boolean', default: false } } })
} catch (error) {
  console.error(`content:check: ${(error as Error).message}\n${usage}`)
  process.exit(2)
}
const lang = parsed.values.lang
if (!isLocale(lang)) {
  console.error(`content:check: --lang must be one of ${localeCodes.join(', ')}.\n${usage}`)
  process.exit(2)
}
const dir = path.resolve(parsed.positionals[0] ?? 'content')

try {
  const findings = await checkContentFolder(dir, { articles: Articles.fields, carriers: Carriers.fields, tips: Tips.fields })
  for (const finding of findings) {
    const where = `${path.relative(process.cwd(), finding.file)}: ${finding.path}${finding.segment ? ` [${finding.segment}]` : ''}`
    console.log(`${finding.severity === 'error' ? 'error  ' : 'warning'} ${where} ${finding.code}: ${finding.message[adminLanguageOf(lang)]}`)
  }
  const errors = findings.filter((finding) => finding.severity === 'error').length
  const warnings = findings.length - errors
  console.log(`content:check: ${errors} error(s), ${warnings} warning(s) in ${path.relative(process.cwd(), dir) || '.'}`)
  process.exit(errors > 0 || (parsed.values.strict && warnings > 0) ? 1 : 0)
} catch (error) {
  console.error(`content:check: ${(error as Error).message}`)
  process.exit(2)
}
