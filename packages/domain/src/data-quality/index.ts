export * from './data-quality-rules';
export * from './data-quality-schemas';
export * from './endpoints';
