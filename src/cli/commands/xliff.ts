/**
 * `npm run xliff -- export --locale fr [--collection articles] [--ids 1,2] [--status missing] [--source-locale zh] [--out FILE]`
 * `npm run xliff -- import FILE`
 * XLIFF 2.0 for translation tools, as the /api/xliff endpoints do it (the CLI acts as an admin).
 * An import writes every file or, on any error, nothing.
 */
import { readFile, writeFile } from 'node:fs/promises'
import { parseArgs } from 'node:util'

import { commitTransaction, createLocalReq, initTransaction, killTransaction } from 'payload'

import { TranslationRequestError } from '@/translation/documents'
import { exportXliff } from '@/translation/xliff/exportXliff'
import { importXliff } from '@/translation/xliff/importXliff'

import { commandPayload } from '../payload'

const usage =
  'usage: npm run xliff -- export --locale LOCALE [--collection C] [--ids 1,2] [--status S] [--source-locale zh] [--out FILE]\n' +
  '       npm run xliff -- import FILE'

const fail = (message: string): never => {
  console.error(`xliff: ${message}\n${usage}`)
  process.exit(2)
}

let parsed
try {
  parsed = parseArgs({
    allowPositionals: true,
    options: {
      locale: { type: 'string' },
      collection: { type: 'string' },
      ids: { type: 'string' },
      status: { type: 'string' },
      'source-locale': { type: 'string' },
      out: { type: 'string' },
    },
  })
} catch (error) {
  fail((error as Error).message)
}
const { positionals, values } = parsed!
const [command, file] = positionals
if (command !== 'export' && command !== 'import') fail('the first argument is export or import.')
if (command === 'import' && !file) fail('import needs the XLIFF file.')

const payload = await commandPayload('xliff')
const req = await createLocalReq({}, payload)
let code = 0
try {
  if (command === 'export') {
    const { xml, files } = await exportXliff(
      req,
      {
        locale: values.locale ?? '',
        collection: values.collection,
        ids: values.ids?.split(',').map((id) => id.trim()),
        status: values.status,
        sourceLocale: values['source-locale'],
      },
      { cli: true },
    )
    if (values.out) {
      await writeFile(values.out, xml)
      console.error(`xliff: ${files} document(s) written to ${values.out}`)
    } else process.stdout.write(xml)
  } else {
    const xml = await readFile(file!, 'utf8')
    await initTransaction(req)
    try {
      const imported = await importXliff(req, xml, { cli: true })
      await commitTransaction(req)
      for (const { collection, id, written } of imported) {
        console.log(`xliff: ${collection} ${id}: ${written.length > 0 ? `wrote ${written.join(', ')}` : 'unchanged'}`)
      }
    } catch (error) {
      await killTransaction(req)
      throw error
    }
  }
} catch (error) {
  console.error(`xliff: ${error instanceof TranslationRequestError ? error.message : String((error as Error)?.stack ?? error)}`)
  code = 1
} finally {
  await payload.destroy()
}
process.exit(code)
