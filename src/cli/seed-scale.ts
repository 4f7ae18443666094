// The command is in commands/seed-scale.ts; this entry keeps the process alive while it loads (see keepAlive.ts).
import { keepAlive } from './keepAlive'

keepAlive()
await import('./commands/seed-scale')
