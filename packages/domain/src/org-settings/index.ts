export * from './endpoints';
export * from './error-messages';
export * from './org-settings-schemas';
export * from './working-calendar';
