export * from '../auth/schema.ts';
export * from '../directory/schema.ts';
export * from '../platform/schema.ts';
export * from '../facilities/schema.ts';
export * from '../incubation/schema.ts';
export * from '../training/schema.ts';
