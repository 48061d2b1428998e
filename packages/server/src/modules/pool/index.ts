/**
 * What other modules may use of the pool module; its manifest is `manifest.ts`
 * (see customers/index.ts for why the two are apart).
 */

// The new owner a manager names, under the owner rule of customers.assign.
export { type Assignee, assignee } from './assign-customer';
// Customers change hands only here: the owner, the team and the pool clocks, with the ownership log.
export {
  changeOwner,
  editedOwnerClocks,
  type NewOwner,
  newOwnerClocks,
  type OwnerChangeNote,
  protectedUntilSql,
} from './change-owner';
export { recordOwnerEdit, recordOwnerEdits, recordOwnershipChanges } from './ownership-log';
