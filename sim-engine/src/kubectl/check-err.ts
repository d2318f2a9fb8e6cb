/**
 * kubectl's error reporting for commands that can fail on several objects at once (create -f,
 * apply -f, delete -f, label, scale, ...): utilerrors aggregates, cmdutil.AddSourceToErr and
 * cmdutil.CheckErr's formatting, including its quirks (aggregated plain errors lose their
 * `error: ` prefix; nested aggregates print as `[a, b]`).
 */
import { StatusError } from '../apiserver/errors.ts';
import type { Invocation } from './command.ts';
import { KubectlError, UsageError, formatError } from './errors.ts';
import { goQuote } from './printers/go-fmt.ts';

/** Aggregate is utilerrors.Aggregate: several errors reported together. */
export class Aggregate extends Error {
  readonly errors: Error[];

  constructor(errors: Error[]) {
    super(aggregateMessage(errors));
    this.errors = errors;
  }
}

/** SourcedStatusError is an API error whose message got a source prefix but keeps the Status details. */
export class SourcedStatusError extends StatusError {
  readonly detailsKind: string;
  readonly detailsName: string;

  constructor(base: StatusError, message: string, kind: string, name: string) {
    super(base.reason, base.code, message, base.causes);
    this.detailsKind = kind;
    this.detailsName = name;
  }
}

function flatten(errors: Error[]): Error[] {
  return errors.flatMap((e) => (e instanceof Aggregate ? flatten(e.errors) : [e]));
}

function aggregateMessage(errors: Error[]): string {
  const seen: string[] = [];
  for (const e of flatten(errors)) if (!seen.includes(e.message)) seen.push(e.message);
  if (seen.length === 0) return '';
  return seen.length === 1 ? seen[0]! : `[${seen.join(', ')}]`;
}

/** newAggregate is utilerrors.NewAggregate: undefined for no errors. */
export function newAggregate(errors: Error[]): Aggregate | undefined {
  return errors.length ? new Aggregate(errors) : undefined;
}

/** detailsOf recovers the kind and name an API error is about, from its message. */
function detailsOf(err: StatusError): { kind: string; name: string } {
  if (err instanceof SourcedStatusError) return { kind: err.detailsKind, name: err.detailsName };
  const m = /^(\S+) "([^"]*)" is invalid/.exec(err.message);
  return { kind: (m?.[1] ?? '').split('.')[0]!, name: m?.[2] ?? '' };
}

/** addSourceToErr is cmdutil.AddSourceToErr: `error when <verb> "<source>": <err>`. */
export function addSourceToErr(verb: string, source: string, err: Error): Error {
  if (!source) return err;
  if (err instanceof StatusError) {
    const d = detailsOf(err);
    return new SourcedStatusError(err, `error when ${verb} "${source}": ${err.message}`, d.kind, d.name);
  }
  return new Error(`error when ${verb} "${source}": ${err.message}`);
}

/** standardMessage is cmdutil.StandardErrorMessage's answer for API errors, else the bare message. */
function messageForError(err: Error): string {
  if (err instanceof StatusError) return `Error from server (${err.reason}): ${err.message}`;
  return err.message;
}

/** formatCheckErr renders an error as cmdutil.CheckErr prints it, trailing newline included. */
export function formatCheckErr(err: Error, command: string): string {
  if (err instanceof Aggregate && err.errors.length === 1) err = err.errors[0]!;
  if (err instanceof StatusError && err.reason === 'Invalid') {
    const { kind, name } = detailsOf(err);
    // Details without a kind or name (a patch the server could not apply) name the request instead.
    const anonymous = !kind && !name;
    const head = anonymous ? `The request is invalid${err.causes.length === 0 && err.message ? `: ${err.message}` : ''}` : `The ${kind} ${goQuote(name)} is invalid`;
    if (err.causes.length === 0) return `${head}\n`;
    const causes = err.causes.map((c) => `${c.field}: ${c.detail}`);
    return causes.length === 1 ? `${head}: ${causes[0]}\n` : `${head}: \n${causes.map((c) => `* ${c}`).join('\n')}\n`;
  }
  if (err instanceof Aggregate) return err.errors.map((e) => `${messageForError(e)}\n`).join('');
  if (err instanceof StatusError || err instanceof KubectlError || err instanceof UsageError) return formatError(err, command);
  const message = err.message;
  return message.endsWith('\n') ? (message.startsWith('error: ') ? message : `error: ${message}`) : formatError(err, command);
}

/** reportErrors prints the combined error of a command (as utilerrors.NewAggregate would combine them) and returns the exit code. */
export function reportErrors(inv: Invocation, errors: Error[], command: string): number {
  if (errors.length === 0) return 0;
  inv.ctx.stderr(formatCheckErr(errors.length === 1 ? errors[0]! : new Aggregate(errors), command));
  return 1;
}
