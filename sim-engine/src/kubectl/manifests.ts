/**
 * Reading `-f FILE|DIR|-` as kubectl's resource builder does: files and directories (.json,
 * .yaml, .yml; -R for subdirectories), stdin, multi-document YAML and JSON streams; then per
 * object the client-side checks (kind/apiVersion set), the REST mapping (kinds the sandbox
 * serves) and the namespace rules, with kubectl's messages and its ContinueOnError order.
 */
import type { KubeObject } from '../api/meta.ts';
import { apiVersionOf, RESOURCES, type ResourceInfo } from '../api/resources.ts';
import type { Invocation } from './command.ts';
import { Aggregate, newAggregate } from './check-err.ts';
import { KubectlError } from './errors.ts';
import { decodeManifestStream, StreamDecodeError } from './goyaml/index.ts';
import { decodeDocument, validationProblem } from './manifest-docs.ts';
import { unsimulatedKind } from './unsimulated-kinds.ts';

/** ManifestInfo is one object read from a manifest, mapped to a served resource. */
export interface ManifestInfo {
  source: string;
  object: KubeObject & Record<string, unknown>;
  resource: ResourceInfo;
  name: string;
  /** The namespace the object goes to ('' for cluster-scoped kinds). */
  namespace: string;
}

/** ValidationDirective is `--validate`: strict (true), warn, or ignore (false). */
export type ValidationDirective = 'strict' | 'warn' | 'ignore';

/** ManifestRequest is what `-f` asked for. */
export interface ManifestRequest {
  filenames: string[];
  recursive: boolean;
  validate: ValidationDirective;
}

// Stream errors (unreadable, undecodable or unmappable documents) are gathered and reported after
// the visit; namespace errors are raised per object, where the object would have been.
/** ManifestEntry is one step of the builder's visit, in order: an object, a stream error or a namespace error. */
export type ManifestEntry = { info: ManifestInfo } | { error: Error; stage: 'stream' | 'namespace' };

/** ManifestResult is the objects read and the combined error of everything that went wrong. */
export interface ManifestResult {
  infos: ManifestInfo[];
  /** Objects and errors in visit order. */
  entries: ManifestEntry[];
  /** The combined error as `Result.Infos()` returns it: namespace errors, then the stream's. */
  error?: Error;
  /** Set when the builder failed before reading anything (missing paths): kubectl's `r.Err()`. */
  unread?: boolean;
}

const STOP_VALIDATE = 'if you choose to ignore these errors, turn validation off with --validate=false';

/** validationDirective reads `--validate`. */
export function validationDirective(value: string): ValidationDirective {
  switch (value) {
    case '':
    case 'true':
    case 'strict':
      return 'strict';
    case 'warn':
      return 'warn';
    case 'false':
    case 'ignore':
      return 'ignore';
    default:
      throw new KubectlError(`invalid - validate option "${value}"; must be one of: strict (or true), warn, ignore (or false)`);
  }
}

interface Source {
  name: string;
  read: () => string;
}

/** expandSources turns `-f` arguments into readable sources, failing as the builder does before anything is read. */
function expandSources(inv: Invocation, req: ManifestRequest): Source[] {
  const sources: Source[] = [];
  const errs: Error[] = [];
  const cwd = inv.ctx.env.PWD ?? '/';
  for (const f of req.filenames) {
    if (f === '-') {
      sources.push({ name: 'STDIN', read: () => inv.ctx.stdin });
      continue;
    }
    if (/^https?:\/\//.test(f)) {
      errs.push(new KubectlError(`reading manifests from a URL (${f}) is not supported in this sandbox`));
      continue;
    }
    const abs = inv.fs.resolve(f, cwd);
    const kind = inv.fs.kind(abs);
    if (!kind) {
      errs.push(new KubectlError(`the path "${f}" does not exist`));
      continue;
    }
    if (kind === 'file') {
      sources.push({ name: f, read: () => inv.fs.read(abs) });
      continue;
    }
    walk(inv, abs, cleanJoin(f, ''), req.recursive, sources);
  }
  if (errs.length > 0) throw newAggregate(errs);
  return sources;
}

function walk(inv: Invocation, abs: string, shown: string, recursive: boolean, out: Source[]): void {
  for (const name of inv.fs.list(abs)) {
    const childAbs = abs === '/' ? `/${name}` : `${abs}/${name}`;
    const childShown = cleanJoin(shown, name);
    if (inv.fs.kind(childAbs) === 'dir') {
      if (recursive) walk(inv, childAbs, childShown, recursive, out);
    } else if (/\.(json|yaml|yml)$/.test(name)) {
      out.push({ name: childShown, read: () => inv.fs.read(childAbs) });
    }
  }
}

/** cleanJoin is Go's filepath.Join: joined and cleaned (`./dir/` + `a.yaml` = `dir/a.yaml`). */
export function cleanJoin(dir: string, name: string): string {
  const absolute = dir.startsWith('/');
  const parts: string[] = [];
  for (const p of `${dir}/${name}`.split('/')) {
    if (p === '' || p === '.') continue;
    if (p === '..' && parts.length && parts[parts.length - 1] !== '..') parts.pop();
    else if (!(p === '..' && absolute)) parts.push(p);
  }
  const joined = parts.join('/');
  return absolute ? `/${joined}` : joined || '.';
}

function metaString(o: Record<string, unknown>, key: 'name' | 'namespace'): string {
  const m = o.metadata;
  const v = m && typeof m === 'object' ? (m as Record<string, unknown>)[key] : undefined;
  return typeof v === 'string' ? v : '';
}

/** mapKind finds the served resource for apiVersion/kind, or the error kubectl's REST mapper would give. */
function mapKind(o: Record<string, unknown>, source: string): ResourceInfo | Error {
  const apiVersion = String(o.apiVersion ?? '');
  const kind = String(o.kind ?? '');
  // Without an apiVersion the REST mapper picks the core group's preferred version.
  const r = RESOURCES.find((x) => x.kind === kind && (apiVersion === '' ? x.group === '' : apiVersionOf(x) === apiVersion));
  if (r) return r;
  const name = metaString(o, 'name');
  const unsimulated = unsimulatedKind(apiVersion, kind);
  if (unsimulated) return new Error(`${kind} "${name}" from "${source}": ${unsimulated} are not supported in this sandbox`);
  return new Error(
    `resource mapping not found for name: "${name}" namespace: "${metaString(o, 'namespace')}" from "${source}": no matches for kind "${kind}" in version "${apiVersion}"\nensure CRDs are installed first`,
  );
}

/** readManifests reads every `-f` source; per-object problems are gathered in kubectl's order, missing paths fail first. */
export function readManifests(inv: Invocation, req: ManifestRequest): ManifestResult {
  let sources: Source[];
  try {
    sources = expandSources(inv, req);
  } catch (err) {
    return { infos: [], entries: [], error: err as Error, unread: true };
  }
  const entries: ManifestEntry[] = [];
  const streamError = (error: Error) => entries.push({ error, stage: 'stream' });
  for (const src of sources) {
    const text = src.read();
    try {
      for (const doc of decodeManifestStream(text)) {
        if (req.validate !== 'ignore') {
          const problem = validationProblem(doc);
          if (problem) {
            streamError(new Error(`error validating "${src.name}": error validating data: ${problem}; ${STOP_VALIDATE}`));
            break;
          }
        }
        const decoded = decodeDocument(doc);
        if (decoded.problem) {
          streamError(new Error(`unable to decode "${src.name}": ${decoded.problem}`));
          continue;
        }
        const itemErrors = decoded.itemErrors.map((m) => new Error(m));
        for (const item of decoded.objects) {
          const mapped = mapKind(item, src.name);
          if (mapped instanceof Error) {
            itemErrors.push(mapped);
            continue;
          }
          const info = decorate(inv, item as ManifestInfo['object'], mapped, src.name);
          entries.push(info instanceof Error ? { error: info, stage: 'namespace' } : { info });
        }
        // A list's item errors come back as one aggregate, in the place of the list.
        if (itemErrors.length) streamError('items' in (doc as object) ? new Aggregate(itemErrors) : itemErrors[0]!);
      }
    } catch (e) {
      if (!(e instanceof StreamDecodeError)) throw e;
      streamError(new Error(`error parsing ${src.name}: ${e.message}`));
    }
  }
  const infos = entries.flatMap((e) => ('info' in e ? [e.info] : []));
  const { perObject, stream } = splitErrors(entries);
  const all: Error[] = [...perObject, ...(stream ? [stream] : [])];
  return { infos, entries, error: all.length === 0 ? undefined : all.length === 1 ? all[0] : new Aggregate(all) };
}

/** splitErrors separates the per-object errors (in order) from the stream's, which kubectl combines into one aggregate. */
export function splitErrors(entries: ManifestEntry[]): { perObject: Error[]; stream?: Aggregate } {
  const perObject = entries.flatMap((e) => ('stage' in e && e.stage === 'namespace' ? [e.error] : []));
  const stream = newAggregate(entries.flatMap((e) => ('stage' in e && e.stage === 'stream' ? [e.error] : [])));
  return { perObject, stream };
}

/** decorate applies SetNamespace, RequireNamespace and FilterNamespace. */
function decorate(inv: Invocation, object: ManifestInfo['object'], resource: ResourceInfo, source: string): ManifestInfo | Error {
  const meta = (object.metadata && typeof object.metadata === 'object' ? object.metadata : {}) as Record<string, unknown>;
  let namespace = typeof meta.namespace === 'string' ? meta.namespace : '';
  if (resource.namespaced) {
    if (!namespace) {
      namespace = inv.namespace;
      object.metadata = { ...meta, namespace };
    } else if (inv.namespaceExplicit && namespace !== inv.namespace) {
      return new Error(`the namespace from the provided object "${namespace}" does not match the namespace "${inv.namespace}". You must pass '--namespace=${namespace}' to perform this operation.`);
    }
  } else {
    namespace = '';
    if ('namespace' in meta) {
      const { namespace: _drop, ...rest } = meta;
      object.metadata = rest;
    }
  }
  return { source, object, resource, name: metaString(object, 'name'), namespace };
}
