/**
 * validateManifest checks a manifest file the way `kubectl apply -f` would, without changing
 * anything: YAML syntax (the go-yaml port kubectl's reader uses), apiVersion and kind, the API
 * server's strict decoding (unknown fields, wrong types) and its validation for the kind. Each
 * problem carries kubectl's words and, where there is one, the field path
 * (`spec.containers[0].image`) and the document's place in the text, so an editor can underline it.
 */
import type { KubeObject } from '../api/meta.ts';
import { apiVersionOf, resourceForKind } from '../api/resources.ts';
import { strictDecode } from '../api/schema/decode.ts';
import { dns1123Subdomain } from '../apiserver/validation/names.ts';
import { validateMeta } from '../apiserver/validation/meta.ts';
import { strategyFor } from '../apiserver/strategies/index.ts';
import type { Cluster } from '../cluster.ts';
import { Random } from '../random.ts';
import { decodeManifestStream, StreamDecodeError } from './goyaml/index.ts';
import { YamlError, yamlToJSONValue } from './goyaml/decode.ts';

/** ManifestDiagnostic is one problem kubectl would report for a manifest. */
export interface ManifestDiagnostic {
  /** The YAML document (0-based, empty documents not counted) the problem is in. */
  document: number;
  /** Where that document is in the text: [start, end) offsets. */
  span: [number, number];
  /** The field path as the API server names it, e.g. `spec.containers[0].image`; absent for the whole document. */
  field?: string;
  /** Whether to mark the field's key (an unknown field) or its value. */
  mark?: 'key' | 'value';
  /** Source offsets [start, end) when the problem has an exact place (YAML syntax). */
  range?: [number, number];
  /** What kubectl says, without its `error: ` prefix. */
  message: string;
}

/** ValidateOptions name the file (for messages) and the cluster to check namespaces against. */
export interface ValidateOptions {
  /** The file name kubectl would print, e.g. `web.yaml`. */
  file?: string;
  /** When given, namespaces are checked against it (read only). */
  cluster?: Cluster;
  /** The namespace objects without one go to; `default` unless given. */
  namespace?: string;
}

const STOP_VALIDATE = 'if you choose to ignore these errors, turn validation off with --validate=false';

/** validateManifest returns every problem `kubectl apply -f` would report for `text`; [] when it would be accepted. */
export function validateManifest(text: string, opts: ValidateOptions = {}): ManifestDiagnostic[] {
  const file = opts.file ?? 'manifest.yaml';
  if (/^\s*\{/.test(text)) return validateJSON(text, file, opts);
  const out: ManifestDiagnostic[] = [];
  const docs = yamlDocuments(text);
  docs.forEach((doc, index) => {
    const span: [number, number] = [doc.start, doc.end];
    if (doc.separatorError) {
      out.push({ document: index, span, range: [doc.start, lineEnd(text, doc.start)], message: `error parsing ${file}: ${doc.separatorError}` });
      return;
    }
    let value: unknown;
    try {
      value = yamlToJSONValue(text.slice(doc.start, doc.end));
    } catch (e) {
      if (!(e instanceof YamlError)) throw e;
      out.push({ document: index, span, range: lineRange(text, doc.start, e.message), message: `error parsing ${file}: error converting YAML to JSON: ${e.message}` });
      return;
    }
    if (value === null || value === undefined) return;
    out.push(...checkObject(value, index, span, file, opts));
  });
  return out;
}

/** yamlDocuments splits text as apimachinery's YAMLReader does (on lines starting with `---`), keeping offsets. */
export function yamlDocuments(text: string): { start: number; end: number; separatorError?: string }[] {
  const docs: { start: number; end: number; separatorError?: string }[] = [];
  let start = 0;
  let offset = 0;
  while (offset < text.length) {
    const nl = text.indexOf('\n', offset);
    const next = nl < 0 ? text.length : nl + 1;
    const line = text.slice(offset, next).replace(/\r?\n$/, '');
    if (line.startsWith('---')) {
      const rest = line.slice(3).trim();
      if (rest.length > 0 && rest[0] !== '#') {
        docs.push({ start: offset, end: next, separatorError: `invalid Yaml document separator: ${rest}` });
        return docs;
      }
      if (offset > start) docs.push({ start, end: offset });
      start = next;
    }
    offset = next;
  }
  if (text.length > start) docs.push({ start, end: text.length });
  return docs;
}

function validateJSON(text: string, file: string, opts: ValidateOptions): ManifestDiagnostic[] {
  const span: [number, number] = [0, text.length];
  const out: ManifestDiagnostic[] = [];
  let index = 0;
  try {
    for (const value of decodeManifestStream(text)) out.push(...checkObject(value, index++, span, file, opts).map((d) => ({ ...d, field: undefined })));
  } catch (e) {
    if (!(e instanceof StreamDecodeError)) throw e;
    out.push({ document: index, span, message: `error parsing ${file}: ${e.message}` });
  }
  return out;
}

function checkObject(value: unknown, document: number, span: [number, number], file: string, opts: ValidateOptions): ManifestDiagnostic[] {
  const at = (message: string, field?: string, mark?: 'key' | 'value'): ManifestDiagnostic => ({ document, span, message, ...(field ? { field } : {}), ...(mark ? { mark } : {}) });
  const notValid = (what: string) => [at(`error validating "${file}": error validating data: ${what}; ${STOP_VALIDATE}`)];
  if (!isObject(value)) return notValid('invalid object to validate');
  const missing = ['apiVersion', 'kind'].filter((k) => value[k] === undefined || value[k] === null || value[k] === '');
  if (missing.length) return notValid(missing.length === 1 ? `${missing[0]} not set` : `[${missing.map((m) => `${m} not set`).join(', ')}]`);
  const kind = String(value.kind);
  const apiVersion = String(value.apiVersion);
  const meta = isObject(value.metadata) ? value.metadata : {};
  const name = typeof meta.name === 'string' ? meta.name : '';
  const r = resourceForKind(kind);
  if (!r || apiVersionOf(r) !== apiVersion) {
    const ns = typeof meta.namespace === 'string' ? meta.namespace : '';
    return [at(`resource mapping not found for name: "${name}" namespace: "${ns}" from "${file}": no matches for kind "${kind}" in version "${apiVersion}"\nensure CRDs are installed first`, 'kind')];
  }
  // The server's strict decoding: a type error stops it; otherwise every unknown field is reported.
  const cannot = `${kind} in version "${r.version}" cannot be handled as a ${kind}`;
  const decoded = strictDecode(value, kind);
  if (decoded.error) return [at(`${cannot}: ${decoded.error}`, typeErrorField(decoded.error), 'value')];
  if (decoded.unknown.length) {
    return decoded.unknown.map((u) => at(`${cannot}: strict decoding error: ${u}`, /^unknown field "(.*)"$/.exec(u)?.[1], 'key'));
  }
  if (!name) return [at(meta.generateName ? `from ${file}: cannot use generate name with apply` : 'resource name may not be empty', isObject(value.metadata) ? 'metadata' : undefined, 'key')];
  const namespace = r.namespaced ? (typeof meta.namespace === 'string' && meta.namespace) || opts.namespace || 'default' : '';
  if (opts.cluster && r.namespaced && !opts.cluster.store.get('Namespace', '', namespace)) {
    return [at(`namespaces "${namespace}" not found`, meta.namespace ? 'metadata.namespace' : undefined)];
  }
  return admissionErrors(value as unknown as KubeObject, namespace, opts.cluster).map((c) => at(`The ${kind} "${name}" is invalid: ${c.field}: ${c.detail}`, c.field, 'value'));
}

// The API server's defaulting and validation for the kind, run on a copy against a throwaway
// random source so that checking never changes what the cluster does next.
function admissionErrors(input: KubeObject, namespace: string, cluster: Cluster | undefined): { field: string; detail: string }[] {
  const strategy = strategyFor(input.kind);
  let obj = { ...input, metadata: { ...input.metadata, ...(namespace ? { namespace } : {}) } } as KubeObject & { spec?: unknown };
  // Decoding into a Go struct leaves a missing spec as its zero value, not as nothing.
  if (input.kind !== 'Namespace' && !isObject(obj.spec)) obj = { ...obj, spec: {} };
  const store = cluster?.store ?? emptyStore();
  const ctx = { store, random: new Random(0), now: cluster?.now() ?? 0 };
  try {
    if (strategy.defaults) obj = strategy.defaults(obj, ctx) as typeof obj;
    const errs = [...validateMeta(obj.metadata, strategy.nameCheck ?? dns1123Subdomain), ...(strategy.validate?.(obj, ctx) ?? [])];
    return errs.filter((c, i) => errs.findIndex((d) => d.field === c.field && d.detail === c.detail) === i);
  } catch {
    // A shape the strategy cannot read was already reported by decoding; it is not a crash.
    return [];
  }
}

function emptyStore(): Cluster['store'] {
  return { get: () => undefined, list: () => [], count: () => 0 } as unknown as Cluster['store'];
}

// `json: cannot unmarshal string into Go struct field DeploymentSpec.spec.replicas of type int32` → `spec.replicas`.
function typeErrorField(message: string): string | undefined {
  return /Go struct field [A-Za-z0-9]+\.(\S+) of type/.exec(message)?.[1];
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function lineEnd(text: string, offset: number): number {
  const nl = text.indexOf('\n', offset);
  return nl < 0 ? text.length : nl;
}

// go-yaml names the line (`yaml: line 4: …`), counted from the document's first line.
function lineRange(text: string, docStart: number, message: string): [number, number] {
  const line = Number(/line (\d+)/.exec(message)?.[1] ?? 1);
  let offset = docStart;
  for (let i = 1; i < line; i++) {
    const nl = text.indexOf('\n', offset);
    if (nl < 0) break;
    offset = nl + 1;
  }
  const end = lineEnd(text, offset);
  const indent = /^[ \t]*/.exec(text.slice(offset, end))![0].length;
  // A tab at the start of the line is the usual culprit; otherwise mark the line's text.
  const from = text[offset] === '\t' ? offset : offset + indent;
  return [from, Math.max(from + 1, end)];
}
