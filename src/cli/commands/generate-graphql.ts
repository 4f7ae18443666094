/**
 * `npm run generate:graphql`: writes the GraphQL schema as SDL to `src/graphql/schema.graphql`
 * (or `PAYLOAD_GRAPHQL_SCHEMA_PATH`), as `payload generate:graphQLSchema` does, without a database.
 * Tools that generate types read that file (examples/graphql-codegen).
 */
import { writeFileSync } from 'node:fs'

import config from '@payload-config'
import { configToSchema } from '@payloadcms/graphql'
import { printSchema } from 'graphql'

const sanitized = await config
const output = process.env.PAYLOAD_GRAPHQL_SCHEMA_PATH || sanitized.graphQL.schemaOutputFile
writeFileSync(output, `${printSchema(configToSchema(sanitized).schema)}\n`)
process.exit(0)
