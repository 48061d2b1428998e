export * from './activity-schemas';
export * from './activity-subject';
export * from './endpoints';
export * from './error-messages';
