export * from './endpoints';
export * from './search-schemas';
