/** Evaluators of the object checks: exists, absent, field and count. */
import type { KubeObject } from '../../api/meta.ts';
import type { Check } from '../schema/check.ts';
import { parsePath, resolvePath } from '../path.ts';
import { selectorText, toSelector } from '../selector.ts';
import { inNamespace, names, nameOf, namespaced, notFound, plural, ref, show, singular, terminating } from '../words.ts';
import { compareCount, compareValue } from './compare.ts';
import { fail, pass, type Outcome, type View } from './outcome.ts';

type Of<T extends Check['type']> = Extract<Check, { type: T }>;

/** evaluateExists: the object is there. */
export function evaluateExists(view: View, c: Of<'exists'>): Outcome {
  const obj = view.api.tryGet(c.kind, c.namespace, c.name);
  if (!obj) return fail(notFound(c.kind, c.name, c.namespace));
  return pass(`${ref(c.kind, c.name)} exists${inNamespace(c.kind, c.namespace)}${terminating(obj) ? ' (Terminating)' : ''}`);
}

/** evaluateAbsent: the object is gone (not even Terminating). */
export function evaluateAbsent(view: View, c: Of<'absent'>): Outcome {
  const obj = view.api.tryGet(c.kind, c.namespace, c.name);
  if (!obj) return pass(`${ref(c.kind, c.name)} does not exist${inNamespace(c.kind, c.namespace)}`);
  if (terminating(obj)) return fail(`${ref(c.kind, c.name)} is still Terminating${inNamespace(c.kind, c.namespace)}`);
  return fail(`${ref(c.kind, c.name)} still exists${inNamespace(c.kind, c.namespace)}`);
}

/** evaluateField: one field of the object compares as asked. */
export function evaluateField(view: View, c: Of<'field'>): Outcome {
  const obj = view.api.tryGet(c.kind, c.namespace, c.name);
  if (!obj) return fail(notFound(c.kind, c.name, c.namespace));
  const at = resolvePath(obj, parsePath(c.path));
  const value = at.found ? at.value : undefined;
  const missed = compareValue(value, c);
  const who = ref(c.kind, c.name);
  if (missed === undefined) return pass(at.found ? `${who}: ${c.path} is ${show(value)}` : `${who}: ${c.path} is not set`);
  if (!at.found) return fail(`${who}: ${at.reason}; ${missed}`);
  return fail(`${who}: ${c.path} is ${show(value)}, ${missed}`);
}

/** countMatching lists the objects a count-like check counts. */
export function countMatching(view: View, c: Of<'count'>): KubeObject[] {
  const ns = c.allNamespaces || !namespaced(c.kind) ? undefined : c.namespace;
  let items = view.api.list(c.kind, ns, c.selector ? { labelSelector: toSelector(c.selector) } : {});
  if (!c.includeTerminating) items = items.filter((o) => !terminating(o));
  const where = c.where;
  if (where) {
    const steps = parsePath(where.path);
    items = items.filter((o) => {
      const at = resolvePath(o, steps);
      return compareValue(at.found ? at.value : undefined, where) === undefined;
    });
  }
  return items;
}

/** evaluateCount: the number of matching objects compares as asked. */
export function evaluateCount(view: View, c: Of<'count'>): Outcome {
  const items = countMatching(view, c);
  const what = describeSet(c, items.length);
  const missed = compareCount(items.length, c);
  const listed = items.length ? ` (${names(items.map(nameOf))})` : '';
  if (missed === undefined) return pass(`found ${items.length} ${what}${listed}`);
  return fail(`found ${items.length} ${what}, ${missed}${listed}`);
}

function describeSet(c: Of<'count'>, n: number): string {
  let s = n === 1 ? singular(c.kind) : plural(c.kind);
  if (c.selector) s += ` with ${selectorText(c.selector)}`;
  if (c.where) {
    const cond = Object.entries(c.where)
      .filter(([k, v]) => k !== 'path' && v !== undefined)
      .map(([k, v]) => `${k} ${k === 'matches' ? `/${String(v)}/` : show(v)}`)
      .join(' and ');
    s += ` whose ${c.where.path} ${cond}`;
  }
  if (namespaced(c.kind)) s += c.allNamespaces ? ' in all namespaces' : ` in namespace ${c.namespace}`;
  return s;
}
