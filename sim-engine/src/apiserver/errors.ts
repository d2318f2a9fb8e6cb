/**
 * Errors the API server returns, shaped like Kubernetes' Status objects so kubectl can print
 * them the way it prints a real server's: `Error from server (NotFound): pods "web" not found`.
 */
import { qualifiedResource, type ResourceInfo } from '../api/resources.ts';

/** StatusReason is the machine-readable reason of a failed request. */
export type StatusReason = 'NotFound' | 'AlreadyExists' | 'Invalid' | 'BadRequest' | 'Forbidden' | 'Conflict' | 'MethodNotAllowed';

/** FieldError is one cause of an Invalid error: a field path and what is wrong there. */
export interface FieldError {
  field: string;
  /** Everything after `<field>: `, e.g. `Required value` or `Invalid value: "Web": ...`. */
  detail: string;
}

/** StatusError is a failed API request. */
export class StatusError extends Error {
  readonly reason: StatusReason;
  readonly code: number;
  readonly causes: FieldError[];

  constructor(reason: StatusReason, code: number, message: string, causes: FieldError[] = []) {
    super(message);
    this.reason = reason;
    this.code = code;
    this.causes = causes;
  }
}

/** notFound is the 404 for a named object. */
export function notFound(r: ResourceInfo, name: string): StatusError {
  return new StatusError('NotFound', 404, `${qualifiedResource(r)} "${name}" not found`);
}

/** alreadyExists is the 409 for creating a name that is taken. */
export function alreadyExists(r: ResourceInfo, name: string): StatusError {
  return new StatusError('AlreadyExists', 409, `${qualifiedResource(r)} "${name}" already exists`);
}

/** invalid is the 422 for an object that fails validation; the message lists every cause. */
export function invalid(kind: string, group: string, name: string, causes: FieldError[]): StatusError {
  const qualifiedKind = group ? `${kind}.${group}` : kind;
  const unique = causes.filter((c, i) => causes.findIndex((d) => d.field === c.field && d.detail === c.detail) === i);
  const head = `${qualifiedKind} "${name}" is invalid: `;
  const message =
    unique.length === 1
      ? `${head}${unique[0]!.field}: ${unique[0]!.detail}`
      : `${head}[${unique.map((c) => `${c.field}: ${c.detail}`).join(', ')}]`;
  return new StatusError('Invalid', 422, message, unique);
}

/** badRequest is a 400, e.g. a strict decoding error. */
export function badRequest(message: string): StatusError {
  return new StatusError('BadRequest', 400, message);
}

/** forbidden is a 403 with the server's wording. */
export function forbidden(message: string): StatusError {
  return new StatusError('Forbidden', 403, message);
}
