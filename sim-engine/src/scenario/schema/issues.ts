/**
 * How schema problems are reported to authors: one line per problem, `<file>: <field path>:
 * <what was expected>`, with paths written the way YAML authors read them (`objects[0].kind`).
 */
import type { z } from 'zod';

/** SchemaIssue is the part of a zod issue this formatter reads. */
export interface SchemaIssue {
  path: readonly PropertyKey[];
  message: string;
}

/** formatPath writes a field path as `tasks[0].checks[2].kind`; the empty path is `(top level)`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const p of path) {
    if (typeof p === 'number') out += `[${p}]`;
    else if (typeof p === 'string' && /^[A-Za-z_$][\w$-]*$/.test(p)) out += out ? `.${p}` : p;
    else out += `[${JSON.stringify(String(p))}]`;
  }
  return out || '(top level)';
}

/** formatIssues turns schema issues into `<file>: <field path>: <message>` lines, one per problem. */
export function formatIssues(file: string, issues: readonly SchemaIssue[], prefix: readonly PropertyKey[] = []): string {
  return issues.map((i) => `${file}: ${formatPath([...prefix, ...i.path])}: ${i.message}`).join('\n');
}

/** ContentError is a problem in an author's file; its message is one formatted line per problem. */
export class ContentError extends Error {
  override readonly name = 'ContentError';
  /** The file the problems are in. */
  readonly file: string;

  constructor(file: string, message: string) {
    super(message);
    this.file = file;
  }

  /** fromZod builds a ContentError from a failed zod parse. */
  static fromZod(file: string, error: z.ZodError, prefix: readonly PropertyKey[] = []): ContentError {
    return new ContentError(file, formatIssues(file, error.issues, prefix));
  }
}
