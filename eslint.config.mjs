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
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
]

export default config
