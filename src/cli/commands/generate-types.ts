/**
 * `npm run generate:types`: writes `src/payload-types.ts` (or `PAYLOAD_TS_OUTPUT_PATH`) from the
 * config, as `payload generate:types` does, without a database.
 */
import config from '@payload-config'
import { generateTypes } from 'payload/node'

await generateTypes(await config)
process.exit(0)
