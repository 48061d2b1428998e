export * from './webhook-schemas';
