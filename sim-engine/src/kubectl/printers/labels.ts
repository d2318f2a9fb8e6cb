/** Labels and label selectors as apimachinery renders them into strings. */

import type { LabelSelector } from '../../api/meta.ts';

/** compareGoStrings orders strings as Go's `<` does: by UTF-8 bytes, which is code point order. */
export function compareGoStrings(a: string, b: string): number {
  // Not JavaScript's `<`: that compares UTF-16 code units and disagrees with Go above U+FFFF.
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const ca = a.codePointAt(i)!;
    const cb = b.codePointAt(j)!;
    if (ca !== cb) return ca < cb ? -1 : 1;
    i += ca > 0xffff ? 2 : 1;
    j += cb > 0xffff ? 2 : 1;
  }
  if (i < a.length) return 1;
  if (j < b.length) return -1;
  return 0;
}

/** formatLabels is labels.FormatLabels: `k=v` pairs joined by `,`, or `<none>`. */
export function formatLabels(map?: Readonly<Record<string, string>> | null): string {
  // Go sorts the joined `k=v` strings, not the keys, so `a-b=1` comes before `a=1`.
  const pairs = Object.entries(map ?? {}).map(([k, v]) => `${k}=${v}`);
  pairs.sort(compareGoStrings);
  return pairs.length === 0 ? '<none>' : pairs.join(',');
}

type Operator = '=' | 'in' | 'notin' | 'exists' | '!';

interface Requirement {
  key: string;
  op: Operator;
  values: string[];
}

const OPERATORS: ReadonlyMap<string, Operator> = new Map([
  ['In', 'in'],
  ['NotIn', 'notin'],
  ['Exists', 'exists'],
  ['DoesNotExist', '!'],
]);

/** formatLabelSelector is metav1.FormatLabelSelector: `<none>` when empty, `<error>` when invalid. */
export function formatLabelSelector(sel?: Readonly<LabelSelector> | null): string {
  if (!sel) return '<none>';
  const reqs: Requirement[] = [];
  for (const [key, value] of Object.entries(sel.matchLabels ?? {})) {
    reqs.push({ key, op: '=', values: [value] });
  }
  for (const expr of sel.matchExpressions ?? []) {
    const op = OPERATORS.get(expr.operator);
    if (op === undefined) return '<error>';
    reqs.push({ key: expr.key, op, values: [...(expr.values ?? [])] });
  }
  if (!reqs.every(valid)) return '<error>';
  // Go's sort.Sort is not stable in general, but for up to 12 requirements it is an insertion
  // sort, which is: a matchLabels entry stays ahead of a matchExpression on the same key.
  reqs.sort((a, b) => compareGoStrings(a.key, b.key));
  const s = reqs.map(requirementString).join(',');
  return s === '' ? '<none>' : s;
}

function requirementString(r: Requirement): string {
  switch (r.op) {
    case 'exists':
      return r.key;
    case '!':
      return `!${r.key}`;
    case '=':
      return `${r.key}=${r.values[0]}`;
    case 'in':
    case 'notin':
      // Values print sorted but are not de-duplicated.
      return `${r.key} ${r.op} (${[...r.values].sort(compareGoStrings).join(',')})`;
  }
}

// labels.NewRequirement's checks; any failure turns the whole selector into `<error>`.
function valid(r: Requirement): boolean {
  if (!isQualifiedName(r.key)) return false;
  switch (r.op) {
    case 'in':
    case 'notin':
      if (r.values.length === 0) return false;
      break;
    case '=':
      if (r.values.length !== 1) return false;
      break;
    case 'exists':
    case '!':
      if (r.values.length !== 0) return false;
      break;
  }
  return r.values.every(isValidLabelValue);
}

const QUALIFIED_NAME = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;
const DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

/** isQualifiedName is validation.IsQualifiedName: an optional DNS subdomain prefix and `/`, then a name. */
export function isQualifiedName(value: string): boolean {
  const parts = value.split('/');
  if (parts.length > 2) return false;
  const name = parts.length === 2 ? parts[1]! : parts[0]!;
  if (parts.length === 2) {
    const prefix = parts[0]!;
    if (prefix.length === 0 || prefix.length > 253 || !DNS1123_SUBDOMAIN.test(prefix)) return false;
  }
  return name.length <= 63 && QUALIFIED_NAME.test(name);
}

/** isValidLabelValue is validation.IsValidLabelValue: empty, or up to 63 name characters. */
export function isValidLabelValue(value: string): boolean {
  return value === '' || (value.length <= 63 && QUALIFIED_NAME.test(value));
}
