export * from './endpoints';
export * from './error-messages';
export * from './home-card-schemas';
export * from './inquiry-schemas';
export * from './opportunity-schemas';
export * from './pipeline-rules';
export * from './report-schemas';
export * from './stage-schemas';
