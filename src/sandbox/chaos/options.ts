/** Which chaos controls a sandbox offers, from its `data-chaos` attribute. */

/** ChaosOptions says which controls a lesson offers (a scenario's `chaos` section has the same keys). */
export interface ChaosOptions {
  deletePod: boolean;
  stopNode: boolean;
  breakImage: boolean;
}

/** parseChaosOptions reads `data-chaos`: empty (or "true") offers every control, else a list such as "deletePod stopNode". */
export function parseChaosOptions(value: string | undefined): ChaosOptions | undefined {
  if (value === undefined || value === 'false') return undefined;
  const words = value.split(/[\s,]+/).filter(Boolean);
  const all = words.length === 0 || words.includes('true');
  return { deletePod: all || words.includes('deletePod'), stopNode: all || words.includes('stopNode'), breakImage: all || words.includes('breakImage') };
}
