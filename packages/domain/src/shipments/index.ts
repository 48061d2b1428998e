export * from './endpoints';
export * from './error-messages';
export * from './home-card-schemas';
export * from './report-schemas';
export * from './shipment-events';
export * from './shipment-import-fields';
export * from './shipment-schemas';
export * from './shipment-view-filters';
