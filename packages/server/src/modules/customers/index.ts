/**
 * What other modules may use of the customers module (docs/decisions/0003-module-manifest.md).
 * The module's manifest is `manifest.ts`; this file is its surface for the rest of the server, kept
 * apart so that using it does not load the module's routes (which reach every module through the list).
 */

// The team a new record of this owner belongs to by default.
export { teamOfUser } from './assert-customer-assignment';
// Contacts' personal data as a role may see it.
// Records that hang off a contact and follow its scope (attachments).
export { maskEmail, maskPhone, onVisibleContact, seesPersonalData } from './contact-access';
// A lead's person: the company's contact of that name, or a new one.
export { contactNamed, type MetPerson } from './contact-named';
// Creating a customer as the API does (a shipment's unmatched party made a customer).
export { createCustomer } from './create-customer';
// A lead's company, new to the organisation, as a prospect.
export { createProspect, type NewProspect } from './create-prospect';
// Records that hang off a customer and follow its scope (notes, attachments, activities).
export { type CustomerRef, customerFor, onVisibleCustomer } from './customer-access';
// A saved filter's customers (segments).
export { countCustomers, customerFilterWhere } from './customer-filter-where';
// One customer within scope, the API record of one, names by id.
export { customerNames, customerRecord, visibleCustomer } from './customer-lookups';
// Customers, contacts and lanes in other modules' SQL (read-only), the pool's columns, foreign keys.
export {
  contactRef,
  customerLaneRef,
  customerOwnership,
  customerRef,
  referencesContact,
  referencesCustomer,
} from './customer-ref';
// The customers scope, for a query that reads customerRef.
export { customerById, customersInScope } from './customer-scope';
// Searching customers as the customer list does (the pool list).
export { searchMatch } from './customer-search';
export { searchNeedle } from './customer-search-keys';
// The customer list (a segment's members).
export { findCustomers } from './find-customers';
// "The same company" across the organisation, readable or not.
export { type DuplicateMatch, matchDuplicateCustomers } from './find-duplicate-customers';
// The customers whose name key is one of many, by the b-tree index alone (matching a feed's parties).
export { byNameKeys } from './name-key-lookup';
// Conditions of invalid stored values (the data quality report).
export { invalidCreditCodeSql, invalidEmailSql, invalidPhoneSql } from './tables';
