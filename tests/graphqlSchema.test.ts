import { spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'

import { afterAll, describe, expect, it } from 'vitest'

import { lagonCommand } from '@/cli/processes'

import { generateTypes } from '../examples/graphql/codegen'

/**
 * The GraphQL schema as SDL (src/graphql/schema.graphql) is what `npm run generate:graphql` makes
 * of the config, and GraphQL Code Generator, run on it, types the example's query: a field the
 * schema lacks fails the generation, and a wrong use of the result fails the type check.
 */
const root = path.join(import.meta.dirname, '..')
const committedSchema = path.join(root, 'src/graphql/schema.graphql')
// Inside the work tree, so that the type check resolves as the project's own files do.
mkdirSync(path.join(root, '.data'), { recursive: true })
const scratch = mkdtempSync(path.join(root, '.data/graphql-check-'))
afterAll(() => rmSync(scratch, { recursive: true, force: true }))

describe('the committed GraphQL schema', () => {
  it('is what `npm run generate:graphql` makes of the config', () => {
    const output = path.join(scratch, 'schema.graphql')
    const generated = spawnSync(...lagonCommand('generate-graphql'), {
      cwd: root,
      env: { ...process.env, PAYLOAD_SECRET: 'test-secret', PAYLOAD_GRAPHQL_SCHEMA_PATH: output, NODE_OPTIONS: '--no-deprecation' },
      encoding: 'utf8',
    })
    expect(generated.status, generated.stderr).toBe(0)
    expect(readFileSync(output, 'utf8') === readFileSync(committedSchema, 'utf8'), 'run npm run generate:graphql').toBe(true)
  }, 120_000)
})

describe('GraphQL Code Generator on the committed schema', () => {
  it('makes the example types committed in examples/graphql/generated.ts', async () => {
    const types = await generateTypes(committedSchema)
    expect(types === readFileSync(path.join(root, 'examples/graphql/generated.ts'), 'utf8'), 'run npm run generate:graphql').toBe(true)
    expect(types).toContain('export type ArticleBySlugQuery =')
  }, 60_000)

  it('refuses an operation that asks for a field the schema does not have', async () => {
    const documents = path.join(scratch, 'wrong')
    mkdirSync(documents)
    writeFileSync(path.join(documents, 'wrong.graphql'), 'query Wrong { Articles { docs { id nope } } }\n')
    await expect(generateTypes(committedSchema, documents)).rejects.toThrow(/nope/)
  }, 60_000)

  it('types the query: its result is checked by the TypeScript compiler', async () => {
    writeFileSync(path.join(scratch, 'generated.ts'), await generateTypes(committedSchema))
    writeFileSync(
      path.join(scratch, 'use.ts'),
      `import type { ArticleBySlugQuery, ArticleBySlugQueryVariables } from './generated'

const variables: ArticleBySlugQueryVariables = { slug: 'esim', locale: 'fr' }
const data: ArticleBySlugQuery = { Articles: { docs: [{ id: 1, title: 'eSIM', summary: null, slug: 'esim', destination: 'NC', publishedAt: '2026-01-01T00:00:00.000Z' }] } }
export const title: string | null | undefined = data.Articles?.docs[0]?.title
export const used = variables.slug
// @ts-expect-error: the query does not ask for the body
export const body = data.Articles?.docs[0]?.body
// @ts-expect-error: ids are numbers
export const wrongId: ArticleBySlugQuery = { Articles: { docs: [{ id: 'one', title: null, summary: null, slug: null, destination: null, publishedAt: null }] } }
// @ts-expect-error: de is not a locale of Lagon
export const wrongLocale: ArticleBySlugQueryVariables = { slug: 'esim', locale: 'de' }
`,
    )
    const tsc = spawnSync(
      process.execPath,
      [path.join(root, 'node_modules/typescript/bin/tsc'), '--noEmit', '--strict', '--skipLibCheck', '--target', 'es2022', '--module', 'esnext', '--moduleResolution', 'bundler', path.join(scratch, 'use.ts')],
      { cwd: root, encoding: 'utf8' },
    )
    expect(tsc.status, tsc.stdout + tsc.stderr).toBe(0)
  }, 120_000)
})
