/** kubectl taint: add, overwrite and remove node taints, with kubectl's parsing and validation messages. */
import type { Node, Taint } from '../../api/node.ts';
import { lookupResource, resourceForKind } from '../../api/resources.ts';
import { notFound } from '../../apiserver/errors.ts';
import { parseSelector } from '../../apiserver/selectors.ts';
import type { Command } from '../command.ts';
import { KubectlError, UsageError } from '../errors.ts';
import { bool, str } from '../flags.ts';
import { dryRunMode, dryRunSuffix } from './dry-run.ts';

const QUALIFIED = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;
const DNS1123 = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const NAME_MSG = "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";
const DNS_MSG = "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";
const VALUE_MSG = "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')";

/** qualifiedNameErrors is validation.IsQualifiedName. */
export function qualifiedNameErrors(value: string): string[] {
  const parts = value.split('/');
  const errs: string[] = [];
  if (parts.length > 2) return [`a qualified name ${NAME_MSG} with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')`];
  const name = parts[parts.length - 1]!;
  if (parts.length === 2) {
    const prefix = parts[0]!;
    if (prefix === '') errs.push('prefix part must be non-empty');
    else {
      if (prefix.length > 253) errs.push('prefix part must be no more than 253 characters');
      if (!DNS1123.test(prefix)) errs.push(`prefix part ${DNS_MSG}`);
    }
  }
  if (name === '') errs.push('name part must be non-empty');
  else if (name.length > 63) errs.push('name part must be no more than 63 characters');
  if (!QUALIFIED.test(name)) errs.push(`name part ${NAME_MSG}`);
  return errs;
}

/** parseTaint reads `key`, `key:Effect` or `key=value:Effect`. */
export function parseTaint(spec: string): Taint | { key: string; value?: string; effect?: undefined } {
  const parts = spec.split(':');
  let key: string;
  let value: string | undefined;
  let effect: Taint['effect'] | undefined;
  if (parts.length === 1) key = parts[0]!;
  else if (parts.length === 2) {
    if (!['NoSchedule', 'PreferNoSchedule', 'NoExecute'].includes(parts[1]!)) throw new UsageError(`invalid taint effect: ${parts[1]}, unsupported taint effect`);
    effect = parts[1] as Taint['effect'];
    const kv = parts[0]!.split('=');
    if (kv.length > 2) throw new UsageError(`invalid taint spec: ${spec}`);
    key = kv[0]!;
    if (kv.length === 2) {
      value = kv[1]!;
      const errs = [...(value.length > 63 ? ['must be no more than 63 characters'] : []), ...(value !== '' && !QUALIFIED.test(value) ? [VALUE_MSG] : [])];
      if (errs.length) throw new UsageError(`invalid taint spec: ${spec}, ${errs.join('; ')}`);
    }
  } else throw new UsageError(`invalid taint spec: ${spec}`);
  const errs = qualifiedNameErrors(key);
  if (errs.length) throw new UsageError(`invalid taint spec: ${spec}, ${errs.join('; ')}`);
  return { key, ...(value ? { value } : {}), effect } as Taint;
}

const matches = (a: Partial<Taint>, b: Partial<Taint>) => a.key === b.key && a.effect === b.effect;

/** taintCommand is `kubectl taint`. */
export const taintCommand: Command = {
  name: 'taint',
  summary: 'Update the taints on one or more nodes',
  help: {
    description: 'Add, change or remove taints on nodes. A taint keeps off every pod that does not tolerate it; remove one by naming it with a trailing dash.',
    examples: [
      ['Keep pods without a matching toleration off node-1', 'kubectl taint nodes node-1 dedicated=special:NoSchedule'],
      ['Remove that taint', 'kubectl taint nodes node-1 dedicated=special:NoSchedule-'],
    ],
    usage: 'taint NODE NAME KEY_1=VAL_1:TAINT_EFFECT_1 ... KEY_N=VAL_N:TAINT_EFFECT_N',
  },
  flags: [
    { name: 'all', type: 'bool', default: 'false', help: 'Select all nodes in the cluster' },
    { name: 'dry-run', type: 'string', default: "'none'", help: 'Must be "none", "server", or "client".' },
    { name: 'field-manager', type: 'string', default: "'kubectl-taint'", help: 'Name of the manager used to track field ownership.' },
    { name: 'output', short: 'o', type: 'string', default: "''", help: 'Output format.' },
    { name: 'overwrite', type: 'bool', default: 'false', help: 'If true, allow taints to be overwritten, otherwise reject taint updates that overwrite existing taints.' },
    { name: 'selector', short: 'l', type: 'string', default: "''", help: 'Selector (label query) to filter on' },
    { name: 'validate', type: 'string', default: "'strict'", help: 'Must be one of: strict (or true), warn, ignore (or false).' },
  ],
  run(inv) {
    const resources: string[] = [];
    const specs: string[] = [];
    for (const a of inv.flags.args) {
      const isTaint = a.includes('=') || a.includes(':') || a.endsWith('-');
      if (isTaint) specs.push(a);
      else if (specs.length) throw new KubectlError(`all resources must be specified before taint changes: ${a}`);
      else resources.push(a);
    }
    if (resources.length < 1) throw new KubectlError('one or more resources must be specified as <resource> <name>');
    if (specs.length < 1) throw new KubectlError('at least one taint update is required');
    const add: Taint[] = [];
    const remove: { key: string; effect?: Taint['effect'] }[] = [];
    for (const spec of specs) {
      if (spec.endsWith('-')) {
        const t = parseTaint(spec.slice(0, -1));
        remove.push({ key: t.key, effect: t.effect });
        continue;
      }
      const t = parseTaint(spec);
      if (!t.effect) throw new UsageError(`invalid taint spec: ${spec}`);
      if (add.some((x) => matches(x, t))) throw new UsageError(`duplicated taints with the same key and effect: {${t.key} ${t.value ?? ''} ${t.effect} <nil>}`);
      add.push(t as Taint);
    }
    const type = resources[0]!.toLowerCase();
    const r = lookupResource(type);
    if (!r) throw new KubectlError(`the server doesn't have a resource type "${type}"`);
    if (r.kind !== 'Node') throw new KubectlError(`invalid resource type ${type}, only node types are supported`);
    const conflicts = add.flatMap((a) => remove.filter((x) => x.key === a.key && (!x.effect || x.effect === a.effect)).map((x) => `{"${x.key}":"${x.effect ?? ''}"}`));
    if (conflicts.length) throw new KubectlError(`can not both modify and remove the following taint(s) in the same command: ${conflicts.join(', ')}`);
    const all = bool(inv.flags, 'all');
    const selector = str(inv.flags, 'selector');
    if (all && selector) throw new KubectlError("setting 'all' parameter with a non empty selector is prohibited");
    if (!all && !selector && resources.length < 2) throw new KubectlError("at least one resource name must be specified since 'all' parameter is not set");
    let nodes: Node[];
    if (all || selector) nodes = inv.cluster.api.list<Node>('Node', undefined, { labelSelector: selector ? parseSelector(selector) : undefined });
    else {
      nodes = resources.slice(1).map((name) => {
        const node = inv.cluster.api.tryGet<Node>('Node', '', name);
        if (!node) throw notFound(resourceForKind('Node')!, name);
        return node;
      });
    }
    const overwrite = bool(inv.flags, 'overwrite');
    const mode = dryRunMode(inv);
    for (const node of nodes) {
      const old = node.spec.taints ?? [];
      if (!overwrite) {
        const exists = add.filter((a) => old.some((o) => matches(o, a))).map((a) => a.key);
        if (exists.length) throw new KubectlError(`node ${node.metadata.name} already has ${exists.join(',')} taint(s) with same effect(s) and --overwrite is false`);
      }
      const next: Taint[] = [...add];
      for (const o of old) if (!next.some((t) => matches(t, o))) next.push(o);
      const added = old.length !== next.length;
      let deleted = false;
      const errors: string[] = [];
      for (const rm of remove) {
        const before = next.length;
        for (let i = next.length - 1; i >= 0; i--) if (next[i]!.key === rm.key && (!rm.effect || next[i]!.effect === rm.effect)) next.splice(i, 1);
        deleted = next.length !== before;
        if (!deleted) errors.push(`taint "${rm.effect ? `${rm.key}:${rm.effect}` : rm.key}" not found`);
      }
      if (errors.length) throw new KubectlError(errors.length === 1 ? errors[0] : `[${errors.join(', ')}]`);
      const operation = (added && deleted) || overwrite ? 'modified' : added ? 'tainted' : 'untainted';
      if (mode === 'none') {
        inv.cluster.api.update<Node>({ ...node, spec: { ...node.spec, taints: next.length ? next : undefined } }, 'kubectl-taint');
        inv.cluster.drain();
      }
      inv.ctx.stdout(`node/${node.metadata.name} ${operation}${dryRunSuffix(mode)}\n`);
    }
    return 0;
  },
};
