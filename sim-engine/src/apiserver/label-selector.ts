/**
 * metav1.LabelSelector as the API machinery treats it: conversion to a matcher
 * (`LabelSelectorAsSelector`: nil selects nothing, `{}` selects everything), semantic
 * equality, and the Go `%#v` rendering that 1.32 field errors print.
 */
import type { LabelSelector } from '../api/meta.ts';
import { matchesSelector, type Requirement, type Selector } from './selectors.ts';

const OPERATORS = { In: 'in', NotIn: 'notin', Exists: 'exists', DoesNotExist: '!' } as const;

/** labelSelectorAsSelector converts a LabelSelector; undefined means "nothing", as a nil selector does. */
export function labelSelectorAsSelector(sel: LabelSelector | null | undefined): Selector | undefined {
  if (!sel) return undefined;
  const reqs: Requirement[] = [];
  for (const [key, v] of Object.entries(sel.matchLabels ?? {})) reqs.push({ key, op: 'in', values: [v] });
  for (const e of sel.matchExpressions ?? []) {
    const op = OPERATORS[e.operator];
    // An unknown operator fails conversion in Go; validation reports it, and here it matches nothing.
    if (!op) return undefined;
    reqs.push({ key: e.key, op, values: [...(e.values ?? [])] });
  }
  return reqs;
}

/** selectorMatches tells whether a converted selector (undefined = nothing) matches labels. */
export function selectorMatches(sel: Selector | undefined, labels: Record<string, string> | undefined): boolean {
  return sel !== undefined && matchesSelector(sel, labels);
}

/** isEmptyLabelSelector is true for `{}`: no matchLabels and no matchExpressions. */
export function isEmptyLabelSelector(sel: LabelSelector): boolean {
  return Object.keys(sel.matchLabels ?? {}).length + (sel.matchExpressions ?? []).length === 0;
}

/** sameLabelSelector is apiequality.Semantic.DeepEqual for selectors: nil and empty collections are equal. */
export function sameLabelSelector(a: LabelSelector | null | undefined, b: LabelSelector | null | undefined): boolean {
  if (!a || !b) return !a && !b;
  const norm = (s: LabelSelector) =>
    JSON.stringify([
      Object.entries(s.matchLabels ?? {}).sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0)),
      (s.matchExpressions ?? []).map((e) => [e.key, e.operator, e.values?.length ? e.values : []]),
    ]);
  return norm(a) === norm(b);
}

/** goStringMap renders a map[string]string as %#v does (keys sorted; nil when absent). */
export function goStringMap(m: Record<string, string> | null | undefined): string {
  if (m === undefined || m === null) return 'map[string]string(nil)';
  const entries = Object.entries(m).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `map[string]string{${entries.map(([k, v]) => `${JSON.stringify(k)}:${JSON.stringify(String(v))}`).join(', ')}}`;
}

/** goLabelSelector renders a v1.LabelSelector value as %#v does, e.g. in "field is immutable" errors. */
export function goLabelSelector(sel: LabelSelector): string {
  const exprs = sel.matchExpressions;
  const renderExpr = (e: NonNullable<LabelSelector['matchExpressions']>[number]) => {
    const values = e.values ? `[]string{${e.values.map((v) => JSON.stringify(v)).join(', ')}}` : '[]string(nil)';
    return `v1.LabelSelectorRequirement{Key:${JSON.stringify(e.key)}, Operator:${JSON.stringify(e.operator)}, Values:${values}}`;
  };
  const renderedExprs = exprs ? `[]v1.LabelSelectorRequirement{${exprs.map(renderExpr).join(', ')}}` : '[]v1.LabelSelectorRequirement(nil)';
  return `v1.LabelSelector{MatchLabels:${goStringMap(sel.matchLabels)}, MatchExpressions:${renderedExprs}}`;
}
