export * from './calendar-schemas';
export * from './endpoints';
export * from './error-messages';
export * from './home-card-schemas';
export * from './next-step-occasion';
export * from './next-step-schemas';
export * from './next-step-title';
export * from './task-schemas';
