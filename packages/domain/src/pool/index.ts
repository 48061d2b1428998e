export * from './endpoints';
export * from './error-messages';
export * from './home-card-schemas';
export * from './pool-schemas';
export * from './return-date';
