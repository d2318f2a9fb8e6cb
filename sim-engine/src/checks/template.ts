/** Pod templates compared the way the deployment controller compares them: ignoring the pod-template-hash label. */
import type { PodTemplateSpec } from '../api/apps.ts';

/** stableJson writes a value as JSON with object keys sorted, so equal values give equal text. */
export function stableJson(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(stableJson).join(',')}]`;
  if (v !== null && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    return `{${Object.keys(o)
      .filter((k) => o[k] !== undefined)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${stableJson(o[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(v) ?? 'null';
}

/** templateKey is a short fingerprint of a pod template, pod-template-hash label left out. */
export function templateKey(t: PodTemplateSpec | undefined): string {
  const labels = { ...(t?.metadata?.labels ?? {}) };
  delete labels['pod-template-hash'];
  const text = stableJson({ ...t, metadata: { ...t?.metadata, labels: Object.keys(labels).length ? labels : undefined } });
  // FNV-1a, 2 × 32 bits: enough to tell a handful of revisions apart.
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193) >>> 0;
    b = Math.imul(b ^ c, 0x5bd1e995) >>> 0;
  }
  return a.toString(16).padStart(8, '0') + b.toString(16).padStart(8, '0');
}

/** templateImages lists a template's container images: `nginx:1.25` or `web=nginx:1.25, log=busybox`. */
export function templateImages(t: PodTemplateSpec | undefined): string {
  const cs = t?.spec?.containers ?? [];
  if (cs.length === 1) return cs[0]!.image ?? '';
  return cs.map((c) => `${c.name}=${c.image ?? ''}`).join(', ');
}
