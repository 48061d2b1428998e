export * from './container-number';
export * from './equipment';
export * from './lane';
export * from './quantities';
