import * as migration_20261126_233051_initial from './20261126_233051_initial';

export const migrations = [
  {
    up: migration_20261126_233051_initial.up,
    down: migration_20261126_233051_initial.down,
    name: '20261126_233051_initial'
  },
];
