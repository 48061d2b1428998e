export * from './endpoints';
export * from './saved-view-schemas';
export * from './segment-schemas';
