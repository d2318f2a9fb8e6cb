/**
 * The kubeconfig file as kubectl reads and writes it. The file in the virtual filesystem is the
 * one source of truth for contexts: `cat ~/.kube/config`, `cp`, an editor and `kubectl config`
 * all see the same bytes, and kubectl reads it afresh on every run, as the real client does.
 * Lists are kept as clientcmd keeps them (maps by name), so what kubectl writes back is sorted
 * by name, with keys in sigs.k8s.io/yaml's sorted order.
 */
import type { KubeContext } from './command.ts';
import { yamlToJSONValue } from './goyaml/decode.ts';
import { toYAML } from './printers/yaml.ts';
import type { VirtualFS } from '../shell/vfs.ts';

type Fields = Record<string, unknown>;

/** KubeconfigDoc is clientcmd's api.Config: clusters, users and contexts by name, and the current context. */
export interface KubeconfigDoc {
  clusters: Map<string, Fields>;
  users: Map<string, Fields>;
  contexts: Map<string, Fields>;
  currentContext: string;
}

/** KubeconfigFile is a kubeconfig and the file it lives in (or would be created at). */
export interface KubeconfigFile {
  path: string;
  doc: KubeconfigDoc;
}

// Go struct field order of clientcmd's v1 types, which `-o json` keeps.
const CLUSTER_KEYS = ['server', 'tls-server-name', 'insecure-skip-tls-verify', 'certificate-authority', 'certificate-authority-data', 'proxy-url', 'disable-compression', 'extensions'];
const USER_KEYS = ['client-certificate', 'client-certificate-data', 'client-key', 'client-key-data', 'token', 'tokenFile', 'as', 'as-uid', 'as-groups', 'as-user-extra', 'username', 'password', 'auth-provider', 'exec', 'extensions'];
const CONTEXT_KEYS = ['cluster', 'user', 'namespace', 'extensions'];

/** KubeconfigLoadError is a kubeconfig kubectl cannot parse; kubectl prints it and stops. */
export class KubeconfigLoadError extends Error {}

/** emptyKubeconfig is what kubectl makes of a missing or empty file. */
export function emptyKubeconfig(): KubeconfigDoc {
  return { clusters: new Map(), users: new Map(), contexts: new Map(), currentContext: '' };
}

/** kubeconfigPath is the file kubectl uses: --kubeconfig, else the first existing file of $KUBECONFIG (the last when none exists), else ~/.kube/config. */
export function kubeconfigPath(fs: VirtualFS, env: Record<string, string>, explicit: string, home: string): string {
  const cwd = env.PWD || home;
  if (explicit) return fs.resolve(explicit, cwd);
  const list = (env.KUBECONFIG ?? '').split(':').filter((p) => p !== '').map((p) => fs.resolve(p, cwd));
  if (list.length === 0) return `${env.HOME || home}/.kube/config`;
  return list.find((p) => fs.kind(p) === 'file') ?? list[list.length - 1]!;
}

function goType(v: unknown): string {
  return Array.isArray(v) ? 'array' : v === null ? 'null' : typeof v === 'boolean' ? 'bool' : typeof v === 'object' ? 'object' : typeof v;
}

function named(list: unknown, key: string, path: string): Map<string, Fields> {
  const out = new Map<string, Fields>();
  if (list === null || list === undefined) return out;
  const types: Record<string, string> = { clusters: 'NamedCluster', users: 'NamedAuthInfo', contexts: 'NamedContext' };
  if (!Array.isArray(list)) throw new KubeconfigLoadError(`error loading config file "${path}": json: cannot unmarshal ${goType(list)} into Go struct field Config.${key} of type []v1.${types[key]}`);
  for (const entry of list as Fields[]) {
    const fields = entry?.[key.slice(0, -1)];
    out.set(String(entry?.name ?? ''), fields && typeof fields === 'object' ? { ...(fields as Fields) } : {});
  }
  return out;
}

/** parseKubeconfig reads a kubeconfig's text; an empty file is an empty config, as in client-go. */
export function parseKubeconfig(text: string, path: string): KubeconfigDoc {
  if (text.trim() === '') return emptyKubeconfig();
  let v: unknown;
  try {
    v = decodeOnce(text);
  } catch (e) {
    throw new KubeconfigLoadError(`error loading config file "${path}": ${e instanceof Error ? e.message : String(e)}`);
  }
  if (v === null || typeof v !== 'object' || Array.isArray(v)) throw new KubeconfigLoadError(`error loading config file "${path}": couldn't get version/kind; json parse error: json: cannot unmarshal ${goType(v)} into Go value of type struct { APIVersion string "json:\\"apiVersion,omitempty\\""; Kind string "json:\\"kind,omitempty\\"" }`);
  const m = v as Fields;
  return {
    clusters: named(m.clusters, 'clusters', path),
    users: named(m.users, 'users', path),
    contexts: named(m.contexts, 'contexts', path),
    currentContext: typeof m['current-context'] === 'string' ? m['current-context'] : '',
  };
}

// Every kubectl run reads the kubeconfig afresh, and the file seldom changes: decoding its YAML
// once per text and handing out copies keeps a `kubectl get` from parsing YAML each time.
const DECODED_LIMIT = 8;
const decoded = new Map<string, unknown>();

function decodeOnce(text: string): unknown {
  if (!decoded.has(text)) {
    const v = yamlToJSONValue(text);
    if (decoded.size >= DECODED_LIMIT) decoded.clear();
    decoded.set(text, copyDecoded(v));
  }
  return copyDecoded(decoded.get(text));
}

/** copyDecoded deep-copies decoded YAML, keeping every key an own property (even `__proto__`), as the decoder makes them. */
function copyDecoded(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(copyDecoded);
  if (v === null || typeof v !== 'object') return v;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(v)) Object.defineProperty(out, key, { value: copyDecoded((v as Record<string, unknown>)[key]), enumerable: true, writable: true, configurable: true });
  return out;
}

/** loadKubeconfig reads the kubeconfig kubectl would use; a missing file is an empty config (requests then fail, `config` commands do not). */
export function loadKubeconfig(fs: VirtualFS, env: Record<string, string>, explicit: string, home: string): KubeconfigFile {
  const path = kubeconfigPath(fs, env, explicit, home);
  return { path, doc: fs.kind(path) === 'file' ? parseKubeconfig(fs.read(path), path) : emptyKubeconfig() };
}

function ordered(fields: Fields, keys: readonly string[], shorten: (k: string, v: unknown) => unknown, always: readonly string[]): Fields {
  const out: Fields = {};
  for (const k of keys) {
    if (fields[k] !== undefined && fields[k] !== '') out[k] = shorten(k, fields[k]);
    else if (always.includes(k)) out[k] = '';
  }
  return out;
}

// Fields clientcmd's v1 types declare without omitempty: written even when empty.
const ALWAYS: Record<string, readonly string[]> = { cluster: ['server'], user: [], context: ['cluster', 'user'] };

const OMITTED = new Set(['certificate-authority-data', 'client-certificate-data', 'client-key-data']);
const REDACTED = new Set(['token', 'password']);

function list(entries: Map<string, Fields>, key: string, keys: readonly string[], shorten: (k: string, v: unknown) => unknown): Fields[] | null {
  if (entries.size === 0) return null;
  return [...entries.keys()].sort().map((name) => ({ name, [key]: ordered(entries.get(name)!, keys, shorten, ALWAYS[key] ?? []) }));
}

/** toV1 is the kubeconfig as clientcmd's v1.Config, fields in Go struct order; unless `raw`, data is DATA+OMITTED and secrets REDACTED, as `kubectl config view` prints them. */
export function toV1(doc: KubeconfigDoc, raw: boolean): Fields {
  const shorten = (k: string, v: unknown) => (raw ? v : OMITTED.has(k) ? 'DATA+OMITTED' : REDACTED.has(k) ? 'REDACTED' : v);
  return {
    kind: 'Config',
    apiVersion: 'v1',
    preferences: {},
    clusters: list(doc.clusters, 'cluster', CLUSTER_KEYS, shorten),
    users: list(doc.users, 'user', USER_KEYS, shorten),
    contexts: list(doc.contexts, 'context', CONTEXT_KEYS, shorten),
    'current-context': doc.currentContext,
  };
}

/** saveKubeconfig writes the kubeconfig back as kubectl does: sorted YAML with the data in full. */
export function saveKubeconfig(fs: VirtualFS, file: KubeconfigFile): void {
  const dir = file.path.slice(0, file.path.lastIndexOf('/')) || '/';
  if (fs.kind(dir) !== 'dir') fs.mkdir(dir, true);
  fs.write(file.path, toYAML(toV1(file.doc, true)));
}

/** contextNamed is a named context as kubectl uses it, with its cluster's server; the namespace is "default" when the context sets none. */
export function contextNamed(doc: KubeconfigDoc, name: string): KubeContext | undefined {
  const c = doc.contexts.get(name);
  if (!c) return undefined;
  const cluster = String(c.cluster ?? '');
  const server = doc.clusters.get(cluster)?.server;
  return { name, cluster, user: String(c.user ?? ''), namespace: String(c.namespace ?? '') || 'default', ...(typeof server === 'string' && { server }) };
}
