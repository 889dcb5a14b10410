export * from './audit.js';
export * from './directory.js';
export * from './imports.js';
export * from './intervision.js';
export * from './membership.js';
export * from './reference.js';
export * from './sessions.js';
export * from './users.js';
