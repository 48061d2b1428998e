export * from './endpoints';
export * from './error-messages';
export * from './pool-schemas';
export * from './return-date';
