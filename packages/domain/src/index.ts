export * from './admin/schemas';
export * from './auth/schemas';
export * from './customers/index';
export * from './platform/error-codes';
export * from './platform/pagination';
export * from './platform/permissions';
export * from './platform/problem';
export * from './reference/index';
