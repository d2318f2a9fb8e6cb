/**
 * Required node affinity as component-helpers/scheduling/corev1/nodeaffinity matches it: the
 * terms of `requiredDuringSchedulingIgnoredDuringExecution` are ORed, the requirements within
 * a term ANDed; a term with no requirements matches no node. `matchExpressions` look at the
 * node's labels, `matchFields` at its fields, of which only `metadata.name` is supported, as
 * upstream. The scheduler's NodeAffinity filter and the DaemonSet controller both ask it.
 */
import type { Node } from '../api/node.ts';
import type { PodSpec } from '../api/pod.ts';

/** NodeSelectorRequirement is one `key operator values` test. */
export interface NodeSelectorRequirement {
  key: string;
  operator: string;
  values?: string[];
}

/** NodeSelectorTerm is one alternative of a required node affinity. */
export interface NodeSelectorTerm {
  matchExpressions?: NodeSelectorRequirement[];
  matchFields?: NodeSelectorRequirement[];
}

/** requiredNodeAffinityTerms returns a pod spec's required node affinity terms, or undefined when it has none. */
export function requiredNodeAffinityTerms(spec: PodSpec): readonly NodeSelectorTerm[] | undefined {
  const affinity = spec.affinity as { nodeAffinity?: { requiredDuringSchedulingIgnoredDuringExecution?: { nodeSelectorTerms?: NodeSelectorTerm[] } } } | undefined;
  const required = affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution;
  return required ? (required.nodeSelectorTerms ?? []) : undefined;
}

/** nodeMatchesTerms tells whether a node satisfies at least one term. */
export function nodeMatchesTerms(terms: readonly NodeSelectorTerm[], node: Node): boolean {
  const labels = node.metadata.labels ?? {};
  for (const term of terms) {
    const exprs = term.matchExpressions ?? [];
    const fields = term.matchFields ?? [];
    if (exprs.length === 0 && fields.length === 0) continue;
    if (exprs.every((r) => labelRequirementMatches(r, labels)) && fields.every((r) => fieldRequirementMatches(r, node))) return true;
  }
  return false;
}

/** nodeMatchesSelectorAndAffinity is GetRequiredNodeAffinity(pod).Match(node): the nodeSelector and the required terms. */
export function nodeMatchesSelectorAndAffinity(spec: PodSpec, node: Node): boolean {
  const labels = node.metadata.labels ?? {};
  for (const [k, v] of Object.entries(spec.nodeSelector ?? {})) if (labels[k] !== v) return false;
  const terms = requiredNodeAffinityTerms(spec);
  return terms === undefined || nodeMatchesTerms(terms, node);
}

function labelRequirementMatches(r: NodeSelectorRequirement, labels: Record<string, string>): boolean {
  const has = Object.hasOwn(labels, r.key);
  const value = labels[r.key];
  const values = r.values ?? [];
  switch (r.operator) {
    case 'In':
      return has && values.includes(value!);
    case 'NotIn':
      return !has || !values.includes(value!);
    case 'Exists':
      return has;
    case 'DoesNotExist':
      return !has;
    case 'Gt':
    case 'Lt': {
      if (!has || values.length !== 1) return false;
      const [a, b] = [Number.parseInt(value!, 10), Number.parseInt(values[0]!, 10)];
      if (Number.isNaN(a) || Number.isNaN(b)) return false;
      return r.operator === 'Gt' ? a > b : a < b;
    }
    default:
      return false;
  }
}

function fieldRequirementMatches(r: NodeSelectorRequirement, node: Node): boolean {
  if (r.key !== 'metadata.name') return false;
  const values = r.values ?? [];
  if (r.operator === 'In') return values.includes(node.metadata.name!);
  if (r.operator === 'NotIn') return !values.includes(node.metadata.name!);
  return false;
}
