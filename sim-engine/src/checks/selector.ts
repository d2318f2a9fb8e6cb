/** Label selectors as checks write them (`"app=web,tier!=db"` or `{ app: web }`) and as objects carry them (matchLabels and matchExpressions). */
import type { LabelSelector } from '../api/meta.ts';
import { parseSelector, selectorFromMap, type Selector } from '../apiserver/selectors.ts';

/** SelectorInput is a selector in a check: kubectl's `-l` syntax, or a map of labels that must all match. */
export type SelectorInput = string | Record<string, string>;

/** toSelector turns a check's selector into the API server's form; a string is parsed with kubectl's `-l` rules. */
export function toSelector(sel: SelectorInput): Selector {
  return typeof sel === 'string' ? parseSelector(sel) : selectorFromMap(sel);
}

/** selectorText writes a check's selector as kubectl's `-l` would take it: `app=web,tier=fe`. */
export function selectorText(sel: SelectorInput): string {
  return typeof sel === 'string' ? sel : Object.entries(sel).map(([k, v]) => `${k}=${v}`).join(',');
}

/** fromLabelSelector converts an object's LabelSelector (a Deployment's spec.selector) to the API server's form. */
export function fromLabelSelector(ls: LabelSelector | undefined): Selector {
  const out: Selector = selectorFromMap(ls?.matchLabels);
  for (const e of ls?.matchExpressions ?? []) {
    const op = e.operator === 'In' ? 'in' : e.operator === 'NotIn' ? 'notin' : e.operator === 'Exists' ? 'exists' : '!';
    out.push({ key: e.key, op, values: [...(e.values ?? [])] });
  }
  return out;
}

/** requirementText writes one requirement as `app=web`, `tier!=db`, `env in (a,b)`, `legacy` or `!legacy`. */
export function requirementText(r: Selector[number]): string {
  if (r.op === 'exists') return r.key;
  if (r.op === '!') return `!${r.key}`;
  if (r.values.length === 1) return `${r.key}${r.op === 'in' ? '=' : '!='}${r.values[0]}`;
  return `${r.key} ${r.op} (${r.values.join(',')})`;
}
