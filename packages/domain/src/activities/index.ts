export * from './activity-schemas';
export * from './endpoints';
export * from './error-messages';
