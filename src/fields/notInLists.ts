/**
 * For bookkeeping fields (fingerprints, snapshots, hashes, machine output): never a column or a
 * filter of the list views. `admin.hidden` keeps a field off the form only.
 */
export const notInLists = { disableListColumn: true, disableListFilter: true } as const
