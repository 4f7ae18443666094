import config from './payload.config'
import { convertMarkdownToLexical, editorConfigFactory } from '@payloadcms/richtext-lexical'
const c = await config
const editorConfig = await editorConfigFactory.default({ config: c })
const md = `## Title\n\nSome **bold** and *it* and [link](https://a.b) \`code\`\n\n1. one\n2. two\n\n- a\n- b\n\n> quote\n\n| a | b |\n|---|---|\n| 1 | 2 |\n`
console.log(JSON.stringify(convertMarkdownToLexical({ editorConfig, markdown: md }), null, 1))
