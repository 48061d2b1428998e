export * from './contact-schemas';
export * from './credit-code';
export * from './customer-import-fields';
export * from './customer-schemas';
export * from './error-messages';
export * from './name-normalization';
export * from './phone';
export * from './unlocode';
