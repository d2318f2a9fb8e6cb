/** kubectl label: add, change or remove labels (`key=value`, `key-`), with `labeled`, `unlabeled` and `not labeled`. */
import type { Command } from '../command.ts';
import { KubectlError } from '../errors.ts';
import { DRY_RUN_FLAG, fieldManager, OUTPUT_FLAGS } from './manifest-flags.ts';
import { overwriteAggregate, runMetadataUpdate, type MetadataVerb } from './metadata-update.ts';
import { metadataFlags } from './metadata-flags.ts';

const LABEL_VALUE_MESSAGE =
  "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')";

const LABEL: MetadataVerb = {
  command: 'label',
  field: 'labels',
  pairType: 'label',
  parse(pairs) {
    const add = new Map<string, string>();
    const remove: string[] = [];
    for (const spec of pairs) {
      if (spec.includes('=')) {
        const parts = spec.split('=');
        if (parts.length !== 2) throw new KubectlError(`invalid label spec: ${spec}`);
        const errs: string[] = [];
        if (parts[1]!.length > 63) errs.push('must be no more than 63 characters');
        if (!/^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/.test(parts[1]!)) errs.push(LABEL_VALUE_MESSAGE);
        if (errs.length) throw new KubectlError(`invalid label value: ${JSON.stringify(spec)}: ${errs.join(';')}`);
        add.set(parts[0]!, parts[1]!);
      } else if (spec.endsWith('-')) {
        remove.push(spec.slice(0, -1));
      } else {
        throw new KubectlError(`unknown label spec: ${spec}`);
      }
    }
    if (remove.some((k) => add.has(k))) throw new KubectlError('can not both modify and remove a label in the same command');
    return { add, remove };
  },
  checkOverwrite(current, add) {
    const err = overwriteAggregate([...add.keys()].filter((k) => k in current && current[k] !== add.get(k)).map((k) => `'${k}' already has a value (${current[k]}), and --overwrite is false`));
    if (err) throw err;
  },
  message(before, after, overwrite) {
    if (before === after) return 'not labeled';
    return !overwrite && utf8(after) < utf8(before) ? 'unlabeled' : 'labeled';
  },
};

function utf8(s: string): number {
  let n = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
  }
  return n;
}

/** labelCommand is `kubectl label`. */
export const labelCommand: Command = {
  name: 'label',
  summary: 'Update the labels on a resource',
  help: {
    description: 'Add, change or remove labels on objects. Changing an existing label needs --overwrite; a trailing dash removes one.',
    examples: [
      ['Label a pod', 'kubectl label pods web tier=front'],
      ['Change a label that is already set', 'kubectl label pods web tier=back --overwrite'],
      ['Remove a label', 'kubectl label pods web tier-'],
      ['Label every pod in the namespace', 'kubectl label pods --all env=dev'],
    ],
    usage: 'label [--overwrite] (-f FILENAME | TYPE NAME) KEY_1=VAL_1 ... KEY_N=VAL_N [--resource-version=version]',
  },
  flags: [
    ...OUTPUT_FLAGS,
    DRY_RUN_FLAG,
    fieldManager('kubectl-label'),
    ...metadataFlags('labels', 'label'),
  ],
  run(inv) {
    return runMetadataUpdate(inv, LABEL);
  },
};
