/** Resource quantities (`500m`, `1`, `128Mi`, `1G`) as numbers: cpu in millicores, memory in bytes. */

/** parseCPU returns millicores. */
export function parseCPU(q: string): number {
  if (q.endsWith('m')) return Number.parseFloat(q.slice(0, -1));
  return Number.parseFloat(q) * 1000;
}

const SUFFIX: Record<string, number> = {
  Ki: 1024, Mi: 1024 ** 2, Gi: 1024 ** 3, Ti: 1024 ** 4,
  k: 1e3, K: 1e3, M: 1e6, G: 1e9, T: 1e12,
};

/** parseMemory returns bytes. */
export function parseMemory(q: string): number {
  const m = /^([0-9.]+)([A-Za-z]*)$/.exec(q);
  if (!m) return Number.NaN;
  return Number.parseFloat(m[1]!) * (m[2] ? (SUFFIX[m[2]] ?? Number.NaN) : 1);
}
