import type { Request, Response } from 'express';
import * as z from 'zod';
import { sendError } from './errors';

/** Reading a request the same way on every route (sessions, circles). */

/** Parses a body with a zod schema; on failure answers 400 naming the first bad field. */
export function parseBody<T extends z.core.$ZodType>(
  schema: T,
  req: Request,
  res: Response,
): z.infer<T> | undefined {
  const parsed = z.safeParse(schema, req.body);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const where = issue?.path.length ? `${issue.path.join('.')}: ` : '';
  sendError(res, 'bad_request', `${where}${issue?.message ?? 'invalid body'}`);
  return undefined;
}

/** The token of an `Authorization: Bearer …` header. */
export function bearer(req: Request): string | undefined {
  return req.get('authorization')?.match(/^Bearer\s+(\S+)$/i)?.[1];
}

/** Where links point: the configured public URL, else the host the request came to. */
export function originOf(req: Request, publicUrl: string | undefined): string {
  if (publicUrl) return publicUrl.replace(/\/$/, '');
  return `${req.protocol}://${req.get('host') ?? 'localhost'}`;
}

/** What a person is told when their network sent too much in a short time. */
export const WAIT =
  'Too many requests from your network in a short time. Please wait a moment and try again.';
