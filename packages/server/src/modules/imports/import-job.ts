/** The queued job that runs an import; its payload is the import's id and the starter's locale. */
export const importJob = 'imports.run';
