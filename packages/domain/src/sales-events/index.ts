export * from './endpoints';
export * from './error-messages';
export * from './lead-schemas';
export * from './round-robin';
export * from './sales-event-schemas';
