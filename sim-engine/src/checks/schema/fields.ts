/**
 * Field schemas shared by the check types: what an object reference, a selector, a path and a
 * comparison look like. Each check type's own schema (one per file beside this one) is built
 * from these, so every check spells `kind`, `namespace` or `gte` the same way.
 */
import { z } from 'zod';
import { parseSelector } from '../../apiserver/selectors.ts';
import { lookupResource, RESOURCES } from '../../api/resources.ts';
import { parsePath } from '../path.ts';

const ID = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

/** idField is a check's optional id, unique within an exercise. */
export const idField = z
  .string()
  .regex(ID, { error: 'expected a lowercase id of letters, digits and dashes, such as "web-running"' })
  .optional()
  .describe('Id of the check, unique within the exercise ("web-running"); generated from the type when absent.');

/** descriptionField is what the check asks for, in the learner's words. */
export const descriptionField = z
  .string()
  .min(1)
  .optional()
  .describe('What the check asks for, in plain words ("The pod web runs nginx:1.25"); shown in the checklist.');

/** guardField marks a guard: a check that already holds at the start and must still hold at the end. */
export const guardField = z
  .boolean()
  .optional()
  .describe('A guard: true at the start and it must stay true ("the Deployment still runs 3 replicas"), so the learner cannot pass by breaking something else. Exempt from "must fail at the start"; every task needs at least one check that is not a guard.');

/** kindField is a kind as a manifest or kubectl names it (Pod, pods, deploy…), normalised to the Kind. */
export const kindField = z
  .string()
  .refine((k) => lookupResource(k) !== undefined, {
    error: (iss) => `unknown kind ${JSON.stringify(iss.input)}; expected one of ${RESOURCES.map((r) => r.kind).join(', ')}`,
  })
  .transform((k) => lookupResource(k)!.kind)
  .describe('Kind of object: Pod, Deployment, ReplicaSet, Service, … (kubectl\'s names such as "pods" or "deploy" work too).');

/** nameField is an object's name. */
export const nameField = z.string().min(1).describe('Name of the object, e.g. "web".');

/** namespaceField is the namespace to look in; "default" when absent. */
export const namespaceField = z
  .string()
  .regex(DNS_LABEL, { error: 'expected a namespace name such as "default"' })
  .default('default')
  .describe('Namespace to look in; "default" when absent (ignored for cluster-wide kinds such as Node).');

/** selectorField is a label selector: kubectl's `-l` syntax, or a map of labels. */
export const selectorField = z
  .union([z.string().min(1), z.record(z.string().min(1), z.string())])
  .superRefine((sel, ctx) => {
    if (typeof sel !== 'string') return;
    try {
      parseSelector(sel);
    } catch (e) {
      ctx.addIssue({ code: 'custom', message: `bad label selector ${JSON.stringify(sel)}: ${(e as Error).message}` });
    }
  })
  .describe('Label selector: "app=web,tier!=db" as kubectl -l takes it, or a map such as { app: web }.');

/** pathField is a field path such as `spec.template.spec.containers[name=nginx].image`. */
export const pathField = z
  .string()
  .superRefine((p, ctx) => {
    try {
      parsePath(p);
    } catch (e) {
      ctx.addIssue({ code: 'custom', message: (e as Error).message });
    }
  })
  .describe('Field path: dot-separated keys, [0] for a list index, [name=web] for the list entry whose name is web, ["a.b/c"] for a key with dots.');

/** valueOps are the comparisons a field value can be put to; all given must hold. */
export const valueOps = {
  equals: z.json().optional().describe('The value must equal this (strings, numbers, booleans, lists and maps compared exactly).'),
  notEquals: z.json().optional().describe('The value must be set and differ from this.'),
  matches: z
    .string()
    .superRefine((re, ctx) => {
      try {
        new RegExp(re);
      } catch (e) {
        ctx.addIssue({ code: 'custom', message: `bad regular expression: ${(e as Error).message}` });
      }
    })
    .optional()
    .describe('The value, as text, must match this JavaScript regular expression (unanchored: use ^…$ for a whole match).'),
  gte: z.number().optional().describe('The value must be a number ≥ this.'),
  lte: z.number().optional().describe('The value must be a number ≤ this.'),
  gt: z.number().optional().describe('The value must be a number > this.'),
  lt: z.number().optional().describe('The value must be a number < this.'),
  exists: z.boolean().optional().describe('true: the field must be set; false: it must not be set.'),
};

/** VALUE_OPS names the comparison fields, for "expected at least one of" messages. */
export const VALUE_OPS = Object.keys(valueOps) as (keyof typeof valueOps)[];

/** countOps are the comparisons a count can be put to; all given must hold. */
export const countOps = {
  equals: z.number().int().min(0).optional().describe('Exactly this many.'),
  gte: z.number().int().min(0).optional().describe('At least this many.'),
  lte: z.number().int().min(0).optional().describe('At most this many.'),
  gt: z.number().int().min(0).optional().describe('More than this many.'),
  lt: z.number().int().min(0).optional().describe('Fewer than this many.'),
};

/** COUNT_OPS names the count comparison fields. */
export const COUNT_OPS = Object.keys(countOps) as (keyof typeof countOps)[];

/** atLeastOne is a refinement: at least one of `keys` must be given. */
export function atLeastOne(keys: readonly string[]) {
  return (value: Record<string, unknown>, ctx: z.core.$RefinementCtx<Record<string, unknown>>): void => {
    if (!keys.some((k) => value[k] !== undefined)) ctx.addIssue({ code: 'custom', message: `expected at least one of: ${keys.join(', ')}` });
  };
}

/** exactlyOne is a refinement: exactly one of `keys` must be given. */
export function exactlyOne(keys: readonly string[]) {
  return (value: Record<string, unknown>, ctx: z.core.$RefinementCtx<Record<string, unknown>>): void => {
    const given = keys.filter((k) => value[k] !== undefined);
    if (given.length !== 1) {
      ctx.addIssue({ code: 'custom', message: given.length ? `expected only one of ${keys.join(', ')}, got ${given.join(' and ')}` : `expected one of: ${keys.join(', ')}` });
    }
  };
}
