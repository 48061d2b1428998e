export * from './activity-schemas';
export * from './error-messages';
