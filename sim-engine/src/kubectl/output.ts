/** printObjects prints objects in kubectl's machine-readable formats: name, yaml, json, jsonpath, custom-columns. */
import type { KubeObject } from '../api/meta.ts';
import { qualifiedKind, resourceForKind } from '../api/resources.ts';
import type { Invocation } from './command.ts';
import { KubectlError } from './errors.ts';
import { parseCustomColumns, printCustomColumns } from './printers/custom-columns.ts';
import { toJSON, toJSONList } from './printers/json.ts';
import { compileJsonPath, JsonPathError } from './printers/jsonpath.ts';
import { toYAML, toYAMLList } from './printers/yaml.ts';

/** nameOf is the name printer's `kind.group/name`. */
export function nameOf(obj: KubeObject): string {
  const r = resourceForKind(obj.kind);
  return `${r ? qualifiedKind(r) : obj.kind.toLowerCase()}/${obj.metadata.name}`;
}

/** listOf wraps objects as the List kubectl prints when more than one object (or a whole collection) was asked for. */
function listOf(objects: readonly KubeObject[]): unknown {
  return { apiVersion: 'v1', items: objects, kind: 'List', metadata: { resourceVersion: '' } };
}

/** printObjects writes objects with `-o name|yaml|json|jsonpath=|jsonpath-as-json=|custom-columns=`. */
export function printObjects(inv: Invocation, objects: readonly KubeObject[], output: string, opts: { single: boolean; noHeaders?: boolean }): void {
  const [format, ...rest] = output.split('=');
  const arg = rest.join('=');
  try {
    switch (format) {
      case 'name':
        for (const o of objects) inv.ctx.stdout(`${nameOf(o)}\n`);
        return;
      case 'yaml':
        inv.ctx.stdout(opts.single ? toYAML(objects[0]) : toYAMLList(objects));
        return;
      case 'json':
        inv.ctx.stdout(opts.single ? toJSON(objects[0]) : toJSONList(objects));
        return;
      case 'jsonpath':
      case 'jsonpath-as-json': {
        if (!arg) throw new KubectlError('template format specified but no template given');
        const jp = compileJsonPath(arg, { asJSON: format === 'jsonpath-as-json' });
        inv.ctx.stdout(jp.execute(opts.single ? objects[0] : listOf(objects)));
        return;
      }
      case 'custom-columns':
        inv.ctx.stdout(printCustomColumns(parseCustomColumns(arg), objects, { noHeaders: opts.noHeaders }));
        return;
      default:
        throw new KubectlError(`output format "${format}" is not supported in this sandbox`);
    }
  } catch (e) {
    if (e instanceof JsonPathError) {
      if (e.output) inv.ctx.stdout(e.output);
      throw new KubectlError(e.message);
    }
    throw e;
  }
}
