import { randomBytes } from 'node:crypto'

// Imported first by the global setup: the database helpers name everything after this run's id,
// and the test workers inherit it from the environment.
process.env.LAGON_TEST_RUN ??= randomBytes(3).toString('hex')
