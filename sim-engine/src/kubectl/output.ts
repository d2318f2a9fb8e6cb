/** printObjects prints objects in a machine-readable format: name, yaml, json (more arrive with the printers). */
import type { KubeObject } from '../api/meta.ts';
import { qualifiedKind, resourceForKind } from '../api/resources.ts';
import type { Invocation } from './command.ts';
import { KubectlError } from './errors.ts';

/** nameOf is the name printer's `kind.group/name`. */
export function nameOf(obj: KubeObject): string {
  const r = resourceForKind(obj.kind);
  return `${r ? qualifiedKind(r) : obj.kind.toLowerCase()}/${obj.metadata.name}`;
}

/** printObjects writes objects with `-o name|yaml|json|jsonpath=|custom-columns=`. */
export function printObjects(inv: Invocation, objects: readonly KubeObject[], output: string, opts: { single: boolean; noHeaders?: boolean }): void {
  if (output === 'name') {
    for (const o of objects) inv.ctx.stdout(`${nameOf(o)}\n`);
    return;
  }
  void opts;
  throw new KubectlError(`output format "${output.split('=')[0]}" is not supported in this sandbox yet`);
}
