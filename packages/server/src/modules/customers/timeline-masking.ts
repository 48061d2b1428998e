/**
 * The history shows no more than the record itself would: each entry's changes are masked by the
 * field rights on the record it describes (a contact by its customer, an opportunity by itself),
 * decided in platform/field-access like every other read of those fields.
 */
export { recordOwners, visibleChanges } from '../../platform/field-access';
