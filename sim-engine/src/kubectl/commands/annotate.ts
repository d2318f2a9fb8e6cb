/** kubectl annotate: add, change or remove annotations (`key=value`, `key-`); every object it touches reports `annotated`. */
import type { Command } from '../command.ts';
import { KubectlError } from '../errors.ts';
import { DRY_RUN_FLAG, fieldManager, OUTPUT_FLAGS } from './manifest-flags.ts';
import { runMetadataUpdate, type MetadataVerb } from './metadata-update.ts';
import { metadataFlags } from './metadata-flags.ts';

const ANNOTATE: MetadataVerb = {
  command: 'annotate',
  field: 'annotations',
  pairType: 'annotation',
  parse(pairs) {
    const add = new Map<string, string>();
    const remove: string[] = [];
    const invalid: string[] = [];
    for (const pair of pairs) {
      if (pair.includes('=') && pair[0] !== '=') {
        const at = pair.indexOf('=');
        add.set(pair.slice(0, at), pair.slice(at + 1));
      } else if (pair.endsWith('-') && pair !== '-') remove.push(pair.slice(0, -1));
      else invalid.push(pair);
    }
    if (invalid.length) throw new KubectlError(`invalid annotation format: ${invalid.join(', ')}`);
    return { add, remove };
  },
  checkOverwrite(current, add) {
    const found = [...add.keys()].filter((k) => k !== 'kubernetes.io/change-cause' && k in current && current[k] !== add.get(k)).map((k) => `'${k}' already has a value (${current[k]})`);
    if (found.length) throw new KubectlError(`--overwrite is false but found the following declared annotation(s): ${found.join('; ')}`);
  },
  message() {
    return 'annotated';
  },
  validatePairs(add, remove) {
    const both = remove.filter((k) => add.has(k));
    if (both.length) throw new KubectlError(`can not both modify and remove the following annotation(s) in the same command: ${both.join(', ')}`);
  },
};

/** annotateCommand is `kubectl annotate`. */
export const annotateCommand: Command = {
  name: 'annotate',
  summary: 'Update the annotations on a resource',
  help: {
    description: 'Add, change or remove annotations on objects: notes for people and tools that, unlike labels, select nothing.',
    examples: [
      ['Annotate a deployment', 'kubectl annotate deployment web owner=team-a'],
      ['Change an annotation that is already set', 'kubectl annotate deployment web owner=team-b --overwrite'],
      ['Remove an annotation', 'kubectl annotate deployment web owner-'],
    ],
    usage: 'annotate [--overwrite] (-f FILENAME | TYPE NAME) KEY_1=VAL_1 ... KEY_N=VAL_N [--resource-version=version]',
  },
  flags: [...OUTPUT_FLAGS, DRY_RUN_FLAG, fieldManager('kubectl-annotate'), ...metadataFlags('annotations', 'annotation')],
  run(inv) {
    return runMetadataUpdate(inv, ANNOTATE);
  },
};
