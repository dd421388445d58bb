import * as z from 'zod/mini';

export const ROLES = ['host', 'cofacilitator', 'captioner', 'participant', 'observer'] as const;
export const Role = z.enum(ROLES);
export type Role = z.infer<typeof Role>;
