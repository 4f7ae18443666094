import type { Access } from 'payload'

/** Written only by Lagon itself (Local API with access overridden). */
export const nobody: Access = () => false
