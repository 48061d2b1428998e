export * from './exchange-rates';
export * from './money';
