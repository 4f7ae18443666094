import nextVitals from 'eslint-config-next/core-web-vitals'
import nextTypescript from 'eslint-config-next/typescript'

const config = [
  ...nextVitals,
  ...nextTypescript,
  {
    ignores: ['.next/**', '.next-test/**', '.next-launcher-test/**', '.data/**', 'node_modules/**', 'media/**', 'src/payload-types.ts', 'src/app/(payload)/admin/importMap.js', 'migrations/*.ts'],
  },
  {
    rules: {
      // The reader site links with plain <a>: whole-page navigations of static pages, and no
      // prefetching of every link on a roaming connection.
      '@next/next/no-html-link-for-pages': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
]

export default config
