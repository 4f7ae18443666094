import * as migration_20261126_233051_initial from './20261126_233051_initial';
import * as migration_20261127_000303_slug_history from './20261127_000303_slug_history';
import * as migration_20261127_022858_webhooks from './20261127_022858_webhooks';

export const migrations = [
  {
    up: migration_20261126_233051_initial.up,
    down: migration_20261126_233051_initial.down,
    name: '20261126_233051_initial',
  },
  {
    up: migration_20261127_000303_slug_history.up,
    down: migration_20261127_000303_slug_history.down,
    name: '20261127_000303_slug_history',
  },
  {
    up: migration_20261127_022858_webhooks.up,
    down: migration_20261127_022858_webhooks.down,
    name: '20261127_022858_webhooks'
  },
];
