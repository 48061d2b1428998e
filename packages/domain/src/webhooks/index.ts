export * from './endpoints';
export * from './error-messages';
export * from './webhook-schemas';
