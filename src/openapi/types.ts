/** A JSON Schema (draft 2020-12, the dialect of OpenAPI 3.1). Loose on purpose: it is written, not read. */
export type JsonSchema = { [keyword: string]: unknown }

export type Parameter = {
  name: string
  in: 'query' | 'path' | 'header'
  description: string
  required?: boolean
  style?: 'deepObject' | 'form'
  explode?: boolean
  schema: JsonSchema
  example?: unknown
  /** The bounds for signed-in clients (staff, API keys) where they differ from `schema`'s, which are anonymous clients'. */
  'x-authenticated'?: { minimum: number; maximum: number }
}

export type Response = { description: string; content?: Record<string, { schema: JsonSchema }>; headers?: Record<string, unknown> }

export type Operation = {
  operationId: string
  summary: string
  description?: string
  tags: string[]
  parameters?: (Parameter | { $ref: string })[]
  requestBody?: { required: boolean; content: Record<string, { schema: JsonSchema }> }
  responses: Record<string, Response | { $ref: string }>
  security: Record<string, string[]>[]
}

export type OpenAPIDocument = {
  openapi: '3.1.0'
  info: { title: string; version: string; description: string }
  jsonSchemaDialect: string
  servers: { url: string; description: string }[]
  tags: { name: string; description: string }[]
  paths: Record<string, Partial<Record<'get' | 'post' | 'patch' | 'delete', Operation>>>
  components: {
    schemas: Record<string, JsonSchema>
    parameters: Record<string, Parameter>
    responses: Record<string, Response>
    securitySchemes: Record<string, Record<string, unknown>>
  }
}
