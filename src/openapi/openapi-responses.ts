import { z } from 'zod';
import type { RequestBody, Response } from './openapi-registry';

/**
 * The body of every JSON error the service sends (src/http/error-renderer.ts): a stable code to
 * branch on and a message for people. Named Error in the document.
 */
export const apiError = z.object({
  error: z.object({ code: z.string(), message: z.string() }),
});

/** An error answer; `description` names the codes it may carry and what they mean. */
export function errorResponse(description: string): Response {
  return jsonResponse(description, apiError);
}

export function jsonResponse(description: string, schema: z.ZodType): Response {
  return { description, content: { 'application/json': { schema } } };
}

/** A required JSON body. */
export function jsonRequest(schema: z.ZodType, description?: string): RequestBody {
  return { required: true, ...(description && { description }), content: { 'application/json': { schema } } };
}
