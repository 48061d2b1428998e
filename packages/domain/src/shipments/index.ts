export * from './shipment-events';
