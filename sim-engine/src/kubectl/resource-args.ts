/**
 * Resolving what the user named on the command line (`pods`, `po web`, `deploy/web`,
 * `pods,svc`) into resources and names, with the resource builder's error messages.
 */
import { lookupResource, type ResourceInfo } from '../api/resources.ts';
import { KubectlError } from './errors.ts';
import { tableFor } from './printers/tables/index.ts';

/** ResourceRequest is one resource type and the names asked for (empty = all). */
export interface ResourceRequest {
  resource: ResourceInfo;
  names: string[];
}

/** UNSIMULATED lists real API resources this sandbox does not model, so they fail honestly. */
const UNSIMULATED = new Map<string, string>(
  [
    ['statefulsets', 'sts', 'statefulset', 'statefulsets.apps'],
    ['jobs', 'job', '', 'jobs.batch'],
    ['cronjobs', 'cj', 'cronjob', 'cronjobs.batch'],
    ['ingresses', 'ing', 'ingress', 'ingresses.networking.k8s.io'],
    ['networkpolicies', 'netpol', 'networkpolicy', 'networkpolicies.networking.k8s.io'],
    ['configmaps', 'cm', 'configmap', 'configmaps'],
    ['secrets', 'secret', '', 'secrets'],
    ['persistentvolumes', 'pv', 'persistentvolume', 'persistentvolumes'],
    ['persistentvolumeclaims', 'pvc', 'persistentvolumeclaim', 'persistentvolumeclaims'],
    ['serviceaccounts', 'sa', 'serviceaccount', 'serviceaccounts'],
    ['horizontalpodautoscalers', 'hpa', 'horizontalpodautoscaler', 'horizontalpodautoscalers.autoscaling'],
    ['replicationcontrollers', 'rc', 'replicationcontroller', 'replicationcontrollers'],
    ['storageclasses', 'sc', 'storageclass', 'storageclasses.storage.k8s.io'],
    ['roles', 'role', '', 'roles.rbac.authorization.k8s.io'],
    ['rolebindings', 'rolebinding', '', 'rolebindings.rbac.authorization.k8s.io'],
    ['clusterroles', 'clusterrole', '', 'clusterroles.rbac.authorization.k8s.io'],
    ['clusterrolebindings', 'clusterrolebinding', '', 'clusterrolebindings.rbac.authorization.k8s.io'],
    ['customresourcedefinitions', 'crd', 'crds', 'customresourcedefinitions.apiextensions.k8s.io'],
    ['limitranges', 'limits', 'limitrange', 'limitranges'],
    ['resourcequotas', 'quota', 'resourcequota', 'resourcequotas'],
    ['poddisruptionbudgets', 'pdb', 'poddisruptionbudget', 'poddisruptionbudgets.policy'],
    ['leases', 'lease', '', 'leases.coordination.k8s.io'],
    // kubeadm clusters have kube-proxy's revisions and the two system priority classes; the sandbox models neither as objects.
    ['controllerrevisions', 'controllerrevision', '', 'controllerrevisions.apps'],
    ['priorityclasses', 'pc', 'priorityclass', 'priorityclasses.scheduling.k8s.io'],
  ].flatMap(([plural, a, b, qualified]) => [plural!, a!, b!].filter(Boolean).map((n) => [n, qualified!] as [string, string])),
);

/** resolveType maps a typed resource name to a served resource, failing as kubectl or the sandbox would. */
export function resolveType(typed: string): ResourceInfo {
  const r = lookupResource(typed);
  if (r && tableFor(r.kind)) return r;
  const known = UNSIMULATED.get(typed.toLowerCase()) ?? (r ? (r.group ? `${r.plural}.${r.group}` : r.plural) : undefined);
  if (known) throw new KubectlError(`${known} are not supported in this sandbox`);
  throw new KubectlError(`the server doesn't have a resource type "${typed}"`);
}

/** parseResourceArgs turns `TYPE[,TYPE] [NAME...]` or `TYPE/NAME...` into requests. */
export function parseResourceArgs(args: readonly string[]): ResourceRequest[] {
  if (args.length === 0) return [];
  const slashed = args.filter((a) => a.includes('/'));
  if (slashed.length > 0) {
    if (slashed.length !== args.length) {
      throw new KubectlError(
        "there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. 'kubectl get resource/<resource_name>' instead of 'kubectl get resource resource/<resource_name>'",
      );
    }
    const out: ResourceRequest[] = [];
    for (const a of args) {
      const parts = a.split('/');
      if (parts.length > 2) throw new KubectlError('arguments in resource/name form may not have more than one slash');
      const [type, name] = parts as [string, string];
      if (!name) throw new KubectlError(`arguments in resource/name form must have a single resource and name`);
      const resource = resolveType(type);
      const existing = out.find((r) => r.resource === resource);
      if (existing) existing.names.push(name);
      else out.push({ resource, names: [name] });
    }
    return out;
  }
  const [types, ...names] = args as [string, ...string[]];
  const resources = types.split(',').filter(Boolean).map(resolveType);
  if (resources.length > 1 && names.length > 0) return resources.map((resource) => ({ resource, names }));
  return resources.map((resource) => ({ resource, names }));
}
