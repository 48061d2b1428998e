export const dataQualityKeys = { root: ['data-quality'] } as const;
