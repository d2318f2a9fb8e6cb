/**
 * Field selectors (`--field-selector`): apimachinery's fields.ParseSelector and the field labels
 * each kind's API supports, with the server's errors wrapped as kubectl's resource builder
 * wraps list errors.
 */
import type { KubeObject } from '../../../api/meta.ts';
import type { ResourceInfo } from '../../../api/resources.ts';
import { badRequest, StatusError } from '../../../apiserver/errors.ts';

/** FieldTerm is one `field=value` (or `!=`) requirement. */
export interface FieldTerm {
  field: string;
  value: string;
  negate: boolean;
}

type Getter = (obj: Record<string, any>) => string;

const str = (v: unknown): string => (v === undefined || v === null ? '' : String(v));
const META: Record<string, Getter> = {
  'metadata.name': (o) => str(o.metadata?.name),
  'metadata.namespace': (o) => str(o.metadata?.namespace),
};

/** FIELDS are the field labels the API server accepts per kind (its field label conversion functions). */
const FIELDS: Record<string, Record<string, Getter>> = {
  Pod: {
    ...META,
    'spec.nodeName': (o) => str(o.spec?.nodeName),
    'spec.restartPolicy': (o) => str(o.spec?.restartPolicy),
    'spec.schedulerName': (o) => str(o.spec?.schedulerName),
    'spec.serviceAccountName': (o) => str(o.spec?.serviceAccountName),
    'spec.hostNetwork': (o) => String(o.spec?.hostNetwork === true),
    'status.phase': (o) => str(o.status?.phase),
    'status.podIP': (o) => str(o.status?.podIP),
    'status.podIPs': (o) => str(o.status?.podIPs?.[0]?.ip),
    'status.nominatedNodeName': (o) => str(o.status?.nominatedNodeName),
  },
  Event: {
    ...META,
    'involvedObject.kind': (o) => str(o.involvedObject?.kind),
    'involvedObject.namespace': (o) => str(o.involvedObject?.namespace),
    'involvedObject.name': (o) => str(o.involvedObject?.name),
    'involvedObject.uid': (o) => str(o.involvedObject?.uid),
    'involvedObject.apiVersion': (o) => str(o.involvedObject?.apiVersion),
    'involvedObject.resourceVersion': (o) => str(o.involvedObject?.resourceVersion),
    'involvedObject.fieldPath': (o) => str(o.involvedObject?.fieldPath),
    reason: (o) => str(o.reason),
    reportingComponent: (o) => str(o.reportingComponent),
    source: (o) => str(o.source?.component),
    type: (o) => str(o.type),
  },
  Node: { 'metadata.name': META['metadata.name']!, 'spec.unschedulable': (o) => String(o.spec?.unschedulable === true) },
  Namespace: { 'metadata.name': META['metadata.name']!, 'status.phase': (o) => str(o.status?.phase) },
  Service: { ...META, 'spec.clusterIP': (o) => str(o.spec?.clusterIP), 'spec.type': (o) => str(o.spec?.type) },
  ReplicaSet: { ...META, 'status.replicas': (o) => String(o.status?.replicas ?? 0) },
};

/** gvrString is schema.GroupVersionResource's String(): `/v1, Resource=pods`, `apps/v1, Resource=deployments`. */
export function gvrString(r: ResourceInfo): string {
  return `${r.group}/${r.version}, Resource=${r.plural}`;
}

/** listError is cli-runtime's EnhanceListError: a BadRequest naming the resource and both selectors. */
export function listError(r: ResourceInfo, labelSelector: string, fieldSelector: string, message: string): StatusError {
  if (!labelSelector && !fieldSelector) return badRequest(`Unable to list "${gvrString(r)}": ${message}`);
  return badRequest(`Unable to find "${gvrString(r)}" that match label selector "${labelSelector}", field selector "${fieldSelector}": ${message}`);
}

/** parseFieldSelector is fields.ParseSelector; it throws an Error with apimachinery's message. */
export function parseFieldSelector(text: string): FieldTerm[] {
  const terms: FieldTerm[] = [];
  for (const part of splitTerms(text).sort()) {
    if (part === '') continue;
    const term = splitTerm(part);
    if (!term) throw new Error(`invalid selector: '${text}'; can't understand '${part}'`);
    terms.push({ field: term[0], value: unescape(term[2]), negate: term[1] === '!=' });
  }
  return terms;
}

/** fieldMatcher checks a selector against a kind's supported fields and returns the filter; it throws the server's BadRequest. */
export function fieldMatcher(r: ResourceInfo, labelSelector: string, text: string): (obj: KubeObject) => boolean {
  let terms: FieldTerm[];
  try {
    terms = parseFieldSelector(text);
  } catch (e) {
    throw listError(r, labelSelector, text, (e as Error).message);
  }
  const fields = FIELDS[r.kind] ?? (r.namespaced ? META : { 'metadata.name': META['metadata.name']! });
  const getters = terms.map((t) => {
    const get = Object.hasOwn(fields, t.field) ? fields[t.field] : undefined;
    if (!get) throw listError(r, labelSelector, text, `field label not supported: ${t.field}`);
    return { t, get };
  });
  return (obj) => getters.every(({ t, get }) => (get(obj as unknown as Record<string, any>) === t.value) !== t.negate);
}

// splitTerms cuts at commas that are not escaped with a backslash.
function splitTerms(s: string): string[] {
  if (s === '') return [];
  const out: string[] = [];
  let start = 0;
  let escaped = false;
  for (let i = 0; i < s.length; i++) {
    if (escaped) escaped = false;
    else if (s[i] === '\\') escaped = true;
    else if (s[i] === ',') {
      out.push(s.slice(start, i));
      start = i + 1;
    }
  }
  out.push(s.slice(start));
  return out;
}

// splitTerm finds the first operator, trying `!=`, `==` and `=` at each position in turn.
function splitTerm(term: string): [string, string, string] | undefined {
  for (let i = 0; i < term.length; i++) {
    for (const op of ['!=', '==', '=']) {
      if (term.startsWith(op, i)) return [term.slice(0, i), op, term.slice(i + op.length)];
    }
  }
  return undefined;
}

function unescape(v: string): string {
  let out = '';
  let inSlash = false;
  for (const c of v) {
    if (inSlash) {
      if (!'\\,='.includes(c)) throw new Error(`invalid field selector: invalid escape sequence: \\${c}`);
      out += c;
      inSlash = false;
    } else if (c === '\\') inSlash = true;
    else if (c === ',' || c === '=') throw new Error(`invalid field selector: unescaped character ${c}`);
    else out += c;
  }
  if (inSlash) throw new Error('invalid field selector: invalid escape sequence: \\');
  return out;
}
