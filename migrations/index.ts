import * as migration_20261126_233051_initial from './20261126_233051_initial';
import * as migration_20261127_000303_slug_history from './20261127_000303_slug_history';
import * as migration_20261127_022617_translation_workflow from './20261127_022617_translation_workflow';
import * as migration_20261127_023154_localized_status from './20261127_023154_localized_status';
import * as migration_20261127_032555_api_keys_webhooks from './20261127_032555_api_keys_webhooks';
import * as migration_20261127_033849_glossary_translation_memory from './20261127_033849_glossary_translation_memory';
import * as migration_20261201_224911_document_version from './20261201_224911_document_version';
import * as migration_20261201_225012_slug_indexes from './20261201_225012_slug_indexes';
import * as migration_20261201_225537_rate_limits from './20261201_225537_rate_limits';
import * as migration_20261201_230435_media_storage from './20261201_230435_media_storage';
import * as migration_20261202_024951_search_index from './20261202_024951_search_index';
import * as migration_20261202_025132_media_uses from './20261202_025132_media_uses';
import * as migration_20261202_025306_offer_likelihoods from './20261202_025306_offer_likelihoods';
import * as migration_20261202_025433_users_lockout from './20261202_025433_users_lockout';
import * as migration_20261202_025646_translation_qa from './20261202_025646_translation_qa';
import * as migration_20261202_061239_signed_in_users_trigger from './20261202_061239_signed_in_users_trigger';
import * as migration_20261202_061559_search_bounded_ranking from './20261202_061559_search_bounded_ranking';
import * as migration_20261202_061655_edit_locks from './20261202_061655_edit_locks';
import * as migration_20261202_101550_traditional_chinese from './20261202_101550_traditional_chinese';
import * as migration_20261202_101750_search_vectors from './20261202_101750_search_vectors';
import * as migration_20261202_173012_search_match_vectors from './20261202_173012_search_match_vectors';

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
    up: migration_20261127_022617_translation_workflow.up,
    down: migration_20261127_022617_translation_workflow.down,
    name: '20261127_022617_translation_workflow',
  },
  {
    up: migration_20261127_023154_localized_status.up,
    down: migration_20261127_023154_localized_status.down,
    name: '20261127_023154_localized_status',
  },
  {
    up: migration_20261127_032555_api_keys_webhooks.up,
    down: migration_20261127_032555_api_keys_webhooks.down,
    name: '20261127_032555_api_keys_webhooks',
  },
  {
    up: migration_20261127_033849_glossary_translation_memory.up,
    down: migration_20261127_033849_glossary_translation_memory.down,
    name: '20261127_033849_glossary_translation_memory',
  },
  {
    up: migration_20261201_224911_document_version.up,
    down: migration_20261201_224911_document_version.down,
    name: '20261201_224911_document_version',
  },
  {
    up: migration_20261201_225012_slug_indexes.up,
    down: migration_20261201_225012_slug_indexes.down,
    name: '20261201_225012_slug_indexes',
  },
  {
    up: migration_20261201_225537_rate_limits.up,
    down: migration_20261201_225537_rate_limits.down,
    name: '20261201_225537_rate_limits',
  },
  {
    up: migration_20261201_230435_media_storage.up,
    down: migration_20261201_230435_media_storage.down,
    name: '20261201_230435_media_storage',
  },
  {
    up: migration_20261202_024951_search_index.up,
    down: migration_20261202_024951_search_index.down,
    name: '20261202_024951_search_index',
  },
  {
    up: migration_20261202_025132_media_uses.up,
    down: migration_20261202_025132_media_uses.down,
    name: '20261202_025132_media_uses',
  },
  {
    up: migration_20261202_025306_offer_likelihoods.up,
    down: migration_20261202_025306_offer_likelihoods.down,
    name: '20261202_025306_offer_likelihoods',
  },
  {
    up: migration_20261202_025433_users_lockout.up,
    down: migration_20261202_025433_users_lockout.down,
    name: '20261202_025433_users_lockout',
  },
  {
    up: migration_20261202_025646_translation_qa.up,
    down: migration_20261202_025646_translation_qa.down,
    name: '20261202_025646_translation_qa',
  },
  {
    up: migration_20261202_061239_signed_in_users_trigger.up,
    down: migration_20261202_061239_signed_in_users_trigger.down,
    name: '20261202_061239_signed_in_users_trigger',
  },
  {
    up: migration_20261202_061559_search_bounded_ranking.up,
    down: migration_20261202_061559_search_bounded_ranking.down,
    name: '20261202_061559_search_bounded_ranking',
  },
  {
    up: migration_20261202_061655_edit_locks.up,
    down: migration_20261202_061655_edit_locks.down,
    name: '20261202_061655_edit_locks',
  },
  {
    up: migration_20261202_101550_traditional_chinese.up,
    down: migration_20261202_101550_traditional_chinese.down,
    name: '20261202_101550_traditional_chinese',
  },
  {
    up: migration_20261202_101750_search_vectors.up,
    down: migration_20261202_101750_search_vectors.down,
    name: '20261202_101750_search_vectors',
  },
  {
    up: migration_20261202_173012_search_match_vectors.up,
    down: migration_20261202_173012_search_match_vectors.down,
    name: '20261202_173012_search_match_vectors',
  },
];
