/**
 * What kubectl's resource builder makes of one decoded manifest document before mapping it:
 * the client-side schema check (getObjectKind, and for a v1 List each item), the unstructured
 * decoder (its list detector, missing kind, the metadataOnlyObject check) and the flattening of
 * lists into items, each with kubectl's messages.
 */
import { decodeAs } from '../api/schema/decode.ts';
import { toCompactJSON } from './printers/json.ts';

type Doc = Record<string, unknown>;

function isObject(v: unknown): v is Doc {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** aggregateText is utilerrors.NewAggregate(...).Error(): one message bare, several deduplicated in brackets. */
export function aggregateText(messages: string[]): string {
  const seen = [...new Set(messages)];
  return seen.length === 1 ? seen[0]! : `[${seen.join(', ')}]`;
}

function objectKindErrors(doc: unknown): string[] {
  if (!isObject(doc)) return ['invalid object to validate'];
  const errs: string[] = [];
  if (doc.apiVersion === undefined || doc.apiVersion === null) errs.push('apiVersion not set');
  else if (typeof doc.apiVersion !== 'string') errs.push("apiVersion isn't string type");
  else if (doc.apiVersion.split('/').length > 2) errs.push(`unexpected GroupVersion string: ${doc.apiVersion}`);
  if (doc.kind === undefined || doc.kind === null) errs.push('kind not set');
  else if (typeof doc.kind !== 'string') errs.push("kind isn't string type");
  return errs;
}

/** validationProblem is the schema validator's verdict on a document: getObjectKind, and for a v1 List every item's. */
export function validationProblem(doc: unknown): string | undefined {
  const top = objectKindErrors(doc);
  if (top.length) return aggregateText(top);
  const o = doc as Doc;
  if (o.apiVersion !== 'v1' || o.kind !== 'List') return undefined;
  if (!Array.isArray(o.items)) return 'invalid object to validate';
  const errs = o.items.flatMap(objectKindErrors);
  return errs.length ? aggregateText(errs) : undefined;
}

function jsonKind(v: unknown): string {
  if (Array.isArray(v)) return 'array';
  return typeof v === 'boolean' ? 'bool' : typeof v;
}

/** DecodedDocument is a document's objects (a list's items, flattened) and the errors of items that could not be typed. */
export interface DecodedDocument {
  /** Set when the whole document fails to decode (`unable to decode "<source>": <problem>`). */
  problem?: string;
  objects: Doc[];
  itemErrors: string[];
}

const UNSTRUCTURED = 'unable to get type info from the object "*unstructured.Unstructured"';

/** decodeDocument runs the metadata-validating unstructured decoder and flattens lists as FlattenListVisitor does. */
export function decodeDocument(doc: unknown): DecodedDocument {
  const fail = (problem: string): DecodedDocument => ({ problem, objects: [], itemErrors: [] });
  if (!isObject(doc)) return fail(`json: cannot unmarshal ${jsonKind(doc)} into Go value of type unstructured.detector`);
  if (!('items' in doc)) {
    const problem = typeof doc.kind !== 'string' || doc.kind === '' ? `Object 'Kind' is missing in '${toCompactJSON(doc)}'` : decodeAs(doc, 'metadataOnlyObject');
    return problem ? fail(problem) : { objects: [doc], itemErrors: [] };
  }
  // Anything with an `items` field decodes as a list.
  const raw = doc.items ?? [];
  if (!Array.isArray(raw)) return fail(`json: cannot unmarshal ${jsonKind(raw)} into Go struct field decodeList.items of type []json.RawMessage`);
  const bad = raw.find((i) => i !== null && !isObject(i));
  if (bad !== undefined) return fail(`json: cannot unmarshal ${jsonKind(bad)} into Go value of type map[string]interface {}`);
  if (typeof doc.kind !== 'string' || doc.kind === '') return fail(`Object 'Kind' is missing in '${toCompactJSON(doc)}'`);
  const metaProblem = decodeAs(doc, 'metadataOnlyObject');
  if (metaProblem) return fail(metaProblem);
  const listVersion = typeof doc.apiVersion === 'string' ? doc.apiVersion : '';
  const objects: Doc[] = [];
  const itemErrors: string[] = [];
  for (const entry of raw as (Doc | null)[]) {
    let item: Doc = entry ?? {};
    const str = (v: unknown) => (typeof v === 'string' ? v : '');
    // Items without kind and apiVersion take them from the list (PodList → Pod).
    if (!str(item.kind) && !str(item.apiVersion)) item = { ...item, kind: doc.kind.replace(/List$/, ''), apiVersion: listVersion };
    if (!str(item.kind)) itemErrors.push(`${UNSTRUCTURED}: Object 'Kind' is missing in 'object has no kind field '`);
    else if (!str(item.apiVersion)) itemErrors.push(`${UNSTRUCTURED}: Object 'apiVersion' is missing in 'object has no apiVersion field'`);
    else objects.push(item);
  }
  return { objects, itemErrors };
}
