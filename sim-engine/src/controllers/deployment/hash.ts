/**
 * The pod-template-hash and template equality. Kubernetes hashes a dump of the template
 * with FNV-32a and maps the decimal digits through rand.SafeEncodeString's alphabet; the
 * exact Go dump can't be reproduced, so this hashes a canonical JSON of the template
 * instead: equal templates give equal hashes, and the hash looks like a real one
 * (`7c5ddbdf54`: only 4-9, b, c, d, f).
 */
import type { PodTemplateSpec } from '../../api/apps.ts';
import type { KubeObject } from '../../api/meta.ts';

/** HASH_LABEL is the label the Deployment controller adds to tell its ReplicaSets' pods apart. */
export const HASH_LABEL = 'pod-template-hash';

const SAFE_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';

/** templateKey is a canonical form for apiequality.Semantic.DeepEqual of templates, ignoring pod-template-hash. */
export function templateKey(template: PodTemplateSpec | undefined): string {
  const labels = { ...(template?.metadata?.labels ?? {}) };
  delete labels[HASH_LABEL];
  const t = { ...template, metadata: { ...template?.metadata, labels } };
  return canonical(t) ?? '';
}

/** computeHash is controller.ComputeHash: FNV-32a of the template (and collisionCount, when set), safely encoded. */
export function computeHash(template: PodTemplateSpec, collisionCount?: number): string {
  return hashKey(templateKey(template), collisionCount);
}

/** hashKey is computeHash for a template already turned into its templateKey. */
export function hashKey(key: string, collisionCount?: number): string {
  let h = 0x811c9dc5;
  // FNV-32a over the key's UTF-8 bytes.
  for (let i = 0; i < key.length; i++) {
    let cp = key.charCodeAt(i);
    if (cp >= 0xd800 && cp <= 0xdbff && i + 1 < key.length) {
      const low = key.charCodeAt(i + 1);
      if (low >= 0xdc00 && low <= 0xdfff) {
        cp = 0x10000 + ((cp - 0xd800) << 10) + (low - 0xdc00);
        i++;
      }
    }
    if (cp < 0x80) h = Math.imul(h ^ cp, 0x01000193);
    else for (const byte of utf8(cp)) h = Math.imul(h ^ byte, 0x01000193);
  }
  if (collisionCount !== undefined) for (let i = 0; i < 4; i++) h = Math.imul(h ^ ((collisionCount >>> (8 * i)) & 0xff), 0x01000193);
  return safeEncode(String(h >>> 0));
}

function utf8(cp: number): number[] {
  if (cp < 0x800) return [0xc0 | (cp >> 6), 0x80 | (cp & 63)];
  if (cp < 0x10000) return [0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63)];
  return [0xf0 | (cp >> 18), 0x80 | ((cp >> 12) & 63), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63)];
}

/** safeEncode is rand.SafeEncodeString: every character mapped through the vowel-free alphabet. */
export function safeEncode(s: string): string {
  let out = '';
  for (const ch of s) out += SAFE_ALPHABET[ch.codePointAt(0)! % SAFE_ALPHABET.length];
  return out;
}

/** canonical renders JSON with sorted keys, leaving out what Semantic.DeepEqual treats as absent (null, empty maps and lists). */
export function canonical(v: unknown): string | undefined {
  if (v === undefined || v === null) return undefined;
  if (Array.isArray(v)) {
    if (v.length === 0) return undefined;
    return `[${v.map((x) => canonical(x) ?? 'null').join(',')}]`;
  }
  if (typeof v === 'object') {
    const parts: string[] = [];
    for (const k of Object.keys(v).sort()) {
      const c = canonical((v as Record<string, unknown>)[k]);
      if (c !== undefined) parts.push(`${JSON.stringify(k)}:${c}`);
    }
    return parts.length ? `{${parts.join(',')}}` : undefined;
  }
  return JSON.stringify(v);
}

/** TemplateKeys caches each object's template key by uid and generation (a template only changes with the generation). */
export class TemplateKeys {
  private readonly cache = new Map<string, { generation: number; key: string }>();

  /** keyOf returns the template key of a Deployment or ReplicaSet. */
  keyOf(obj: KubeObject & { spec: { template: PodTemplateSpec } }): string {
    const uid = obj.metadata.uid ?? '';
    const generation = obj.metadata.generation ?? 0;
    const hit = this.cache.get(uid);
    if (hit && hit.generation === generation) return hit.key;
    const key = templateKey(obj.spec.template);
    this.cache.set(uid, { generation, key });
    return key;
  }

  /** forget drops a deleted object's entry. */
  forget(uid: string): void {
    this.cache.delete(uid);
  }
}
