export * from './database-upkeep-schemas';
export * from './endpoints';
export * from './error-messages';
