/**
 * `npm run import -- FILE --locale zh [--collection articles]`: one Markdown file into one locale
 * of a document, matched by slug. Prints what it did and what it dropped; on any error, writes nothing.
 */
import { parseArgs } from 'node:util'

import { ImportError } from '@/import/errors'
import { importableCollections, importDocument, type ImportableCollection } from '@/import/importDocument'
import { isLocale, localeCodes } from '@/lib/locales'

import { commandPayload } from '../payload'

const usage = `usage: npm run import -- FILE --locale ${localeCodes.join('|')} [--collection ${importableCollections.join('|')}]`

const fail = (message: string): never => {
  console.error(`import: ${message}`)
  process.exit(2)
}

let parsed
try {
  parsed = parseArgs({
    allowPositionals: true,
    options: { locale: { type: 'string' }, collection: { type: 'string', default: 'articles' } },
  })
} catch (error) {
  fail(`${(error as Error).message}\n${usage}`)
}
const { positionals, values } = parsed!
const file = positionals[0] ?? fail(`no file given.\n${usage}`)
if (!isLocale(values.locale)) fail(`--locale must be one of ${localeCodes.join(', ')}.\n${usage}`)
if (!(importableCollections as readonly string[]).includes(values.collection!)) {
  fail(`--collection must be one of ${importableCollections.join(', ')}.\n${usage}`)
}

const payload = await commandPayload('import')
let code = 0
try {
  console.log(`import: ${file} → ${values.collection} [${values.locale}]`)
  const result = await importDocument({
    payload,
    file,
    locale: values.locale as (typeof localeCodes)[number],
    collection: values.collection as ImportableCollection,
  })
  for (const line of result.dropped) {
    console.log(`import: dropped line ${line.line} (${line.reason}): ${line.text}`)
  }
  console.log(
    `import: ${result.action} ${values.collection} "${result.slug}" (id ${result.id}); ` +
      `${result.dropped.length} promotional line(s) dropped`,
  )
} catch (error) {
  console.error(`import: ${error instanceof ImportError ? error.message : String((error as Error)?.stack ?? error)}`)
  code = 1
} finally {
  await payload.destroy()
}
process.exit(code)
