import type { JsonSchema, OpenAPIDocument, Operation, Parameter } from './types'

/**
 * The API reference as one server-rendered HTML page made from the OpenAPI document: no script,
 * nothing loaded from elsewhere (readers' privacy, and servers without outside network).
 */
const escape = (text: string): string =>
  text.replace(/[&<>"']/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char]!)

/** The little Markdown the document uses: `code`. */
const inline = (text: string): string => escape(text).replace(/`([^`]+)`/g, '<code>$1</code>')

const refName = (ref: string): string => ref.split('/').pop()!

const schemaLink = (name: string) => `<a href="#schema-${escape(name)}">${escape(name)}</a>`

/** A one-line type: `string`, `integer | Media`, `array of LexicalNode`, `"a" | "b"`. */
const typeOf = (schema: JsonSchema): string => {
  if (typeof schema.$ref === 'string') return schemaLink(refName(schema.$ref))
  if ('const' in schema) return `<code>${escape(JSON.stringify(schema.const))}</code>`
  if (Array.isArray(schema.enum)) return schema.enum.map((value) => `<code>${escape(JSON.stringify(value))}</code>`).join(' | ')
  const variants = (schema.anyOf ?? schema.oneOf) as JsonSchema[] | undefined
  if (variants) return variants.map(typeOf).join(' | ')
  if (schema.type === 'array') return `array of ${typeOf((schema.items as JsonSchema | undefined) ?? {})}`
  if (Array.isArray(schema.type)) return schema.type.join(' | ')
  if (typeof schema.type === 'string') return escape(schema.format ? `${schema.type} (${String(schema.format)})` : schema.type)
  return 'any'
}

/** Objects nested in a property (groups, array items, localized variants), listed under it. */
const nestedObjects = (schema: JsonSchema): JsonSchema[] => {
  if (schema.type === 'object' && schema.properties) return [schema]
  if (schema.type === 'array' && schema.items) return nestedObjects(schema.items as JsonSchema)
  const variants = (schema.anyOf ?? schema.oneOf) as JsonSchema[] | undefined
  return variants ? variants.flatMap(nestedObjects).slice(0, 1) : []
}

const properties = (schema: JsonSchema): string => {
  const props = (schema.properties ?? {}) as Record<string, JsonSchema>
  const required = new Set((schema.required as string[] | undefined) ?? [])
  const rows = Object.entries(props).map(([name, property]) => {
    const nested = nestedObjects(property).map(properties).join('')
    const description = typeof property.description === 'string' ? ` — ${inline(property.description)}` : ''
    return `<li><code>${escape(name)}</code>${required.has(name) ? ' <em>(always)</em>' : ''}: ${typeOf(property)}${description}${nested}</li>`
  })
  return rows.length ? `<ul>${rows.join('')}</ul>` : ''
}

const parameterRow = (parameter: Parameter): string =>
  `<tr><td><code>${escape(parameter.name)}</code>${parameter.required ? ' <em>(required)</em>' : ''}</td><td>${escape(parameter.in)}</td><td>${typeOf(parameter.schema)}</td><td>${inline(parameter.description)}</td></tr>`

const operationHtml = (document: OpenAPIDocument, path: string, method: string, operation: Operation): string => {
  const parameters = (operation.parameters ?? []).map((parameter) =>
    '$ref' in parameter ? document.components.parameters[refName(parameter.$ref)]! : parameter,
  )
  const auth = operation.security.some((requirement) => Object.keys(requirement).length === 0)
    ? 'Anonymous, API key or staff token.'
    : 'Staff token only.'
  const responses = Object.entries(operation.responses).map(([status, response]) => {
    const resolved = '$ref' in response ? document.components.responses[refName(response.$ref)]! : response
    const schema = resolved.content?.['application/json']?.schema
    return `<li><strong>${escape(status)}</strong> ${inline(resolved.description)}${schema ? ` ${typeOf(schema)}` : ''}</li>`
  })
  const body = operation.requestBody
    ? `<p>Body (${Object.keys(operation.requestBody.content).map(escape).join(', ')}): ${Object.values(operation.requestBody.content).map(({ schema }) => typeOf(schema)).join(', ')}</p>`
    : ''
  return `<section id="${escape(operation.operationId)}">
<h3><span class="method">${escape(method.toUpperCase())}</span> <code>${escape(path)}</code></h3>
<p>${inline(operation.summary)}. ${auth}</p>
${parameters.length ? `<table><thead><tr><th>Parameter</th><th>In</th><th>Type</th><th>Meaning</th></tr></thead><tbody>${parameters.map(parameterRow).join('')}</tbody></table>` : ''}
${body}<ul class="responses">${responses.join('')}</ul>
</section>`
}

export const renderReference = (document: OpenAPIDocument, jsonUrl: string): string => {
  const operations = Object.entries(document.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, operation]) => ({ path, method, operation: operation as Operation })),
  )
  const byTag = document.tags.map(
    (tag) =>
      `<h2 id="tag-${escape(tag.name)}">${escape(tag.name)}</h2>${operations
        .filter(({ operation }) => operation.tags.includes(tag.name))
        .map(({ path, method, operation }) => operationHtml(document, path, method, operation))
        .join('\n')}`,
  )
  const schemas = Object.entries(document.components.schemas).map(
    ([name, schema]) =>
      `<section id="schema-${escape(name)}"><h3>${escape(name)}</h3>${typeof schema.description === 'string' ? `<p>${inline(schema.description)}</p>` : ''}${properties(schema) || `<p>${typeOf(schema)}</p>`}</section>`,
  )
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(document.info.title)}</title>
<style>
body{font:16px/1.5 system-ui,sans-serif;max-width:60rem;margin:0 auto;padding:1rem;color:#1a1a1a}
code{font-family:ui-monospace,monospace;font-size:.9em;background:#f2f2f2;padding:0 .2em}
table{border-collapse:collapse;width:100%;margin:.5rem 0}td,th{border:1px solid #ccc;padding:.3rem;text-align:left;vertical-align:top}
section{border-top:1px solid #ddd;margin-top:1rem}.method{font-family:ui-monospace,monospace;background:#1a1a1a;color:#fff;padding:0 .4em}
a{color:#0645ad}
</style>
</head>
<body>
<header><h1>${escape(document.info.title)}</h1>
${document.info.description.split('\n').filter(Boolean).map((line) => `<p>${inline(line)}</p>`).join('\n')}
<p>Machine-readable: <a href="${escape(jsonUrl)}">OpenAPI ${escape(document.openapi)} document</a>.</p>
<nav><ul>${document.tags.map((tag) => `<li><a href="#tag-${escape(tag.name)}">${escape(tag.name)}</a></li>`).join('')}<li><a href="#schemas">Schemas</a></li></ul></nav>
</header>
<main>
${byTag.join('\n')}
<h2 id="schemas">Schemas</h2>
${schemas.join('\n')}
</main>
</body>
</html>`
}
