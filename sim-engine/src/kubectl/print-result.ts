/**
 * How mutating verbs print what they did (kubectl's PrintFlags with an "operation"): the name
 * printer's `deployment.apps/web created (dry run)`, or with -o the object itself — YAML
 * documents separated by `---`, JSON (struct order for typed objects), name, jsonpath.
 */
import type { KubeObject } from '../api/meta.ts';
import type { Invocation } from './command.ts';
import { dryRunSuffix, type DryRunMode } from './commands/dry-run.ts';
import { KubectlError } from './errors.ts';
import { nameOf, printObjects } from './output.ts';

/** nameOfManifest is nameOf for objects read from manifests, which may lack metadata (an empty name then). */
function nameOfManifest(obj: KubeObject): string {
  return nameOf(obj.metadata ? obj : { ...obj, metadata: { name: '' } });
}
import { toJSON } from './printers/json.ts';
import { toYAML } from './printers/yaml.ts';
import { toTypedJSON } from './typed-json.ts';

/** MUTATE_OUTPUTS lists the formats create, apply, label, scale, expose ... accept. */
export const MUTATE_OUTPUTS = 'go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,yaml';

/** checkOutput fails on formats kubectl's printer flags do not know, and on the template ones the sandbox lacks. */
export function checkOutput(output: string): void {
  if (output === '') return;
  const format = output.split('=')[0]!;
  if (['json', 'yaml', 'name', 'jsonpath', 'jsonpath-as-json'].includes(format)) return;
  if (['go-template', 'go-template-file', 'template', 'templatefile', 'jsonpath-file'].includes(format)) {
    throw new KubectlError(`output format "${format}" is not supported in this sandbox`);
  }
  throw new KubectlError(`unable to match a printer suitable for the output format "${output}", allowed formats are: ${MUTATE_OUTPUTS}`);
}

/** ResultPrinter prints one object per call, remembering YAML's document separators. */
export class ResultPrinter {
  private count = 0;
  private readonly inv: Invocation;
  private readonly output: string;
  private readonly dryRun: DryRunMode;

  constructor(inv: Invocation, output: string, dryRun: DryRunMode) {
    this.inv = inv;
    this.output = output;
    this.dryRun = dryRun;
  }

  /** machineReadable is true when -o asked for the object rather than a message. */
  get machineReadable(): boolean {
    return this.output !== '';
  }

  /** print writes `obj` as `<kind>/<name> <operation>` or in the -o format; `typed` objects print JSON in struct order. */
  print(obj: KubeObject, operation: string, typed = false): void {
    const out = this.inv.ctx.stdout;
    const format = this.output.split('=')[0];
    this.count++;
    switch (format) {
      case '':
        out(`${nameOfManifest(obj)} ${operation}${dryRunSuffix(this.dryRun)}\n`);
        return;
      case 'name':
        out(`${nameOfManifest(obj)}\n`);
        return;
      case 'yaml':
        out(`${this.count > 1 ? '---\n' : ''}${toYAML(obj)}`);
        return;
      case 'json':
        out(typed ? toTypedJSON(obj, obj.kind) : toJSON(obj));
        return;
      default:
        printObjects(this.inv, [obj], this.output, { single: true });
    }
  }
}
