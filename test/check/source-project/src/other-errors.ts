export const NEVER_THROWN = 'not the catalog error'
