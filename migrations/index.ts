import * as migration_20261126_232149_initial from './20261126_232149_initial';

export const migrations = [
  {
    up: migration_20261126_232149_initial.up,
    down: migration_20261126_232149_initial.down,
    name: '20261126_232149_initial'
  },
];
