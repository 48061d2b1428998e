export * from './endpoints';
export * from './error-messages';
export * from './exchange-rate-import-fields';
export * from './exchange-rates';
export * from './money';
export * from './money-schemas';
