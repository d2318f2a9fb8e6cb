/** Flag declarations shared by the verbs that read manifests and print objects, with kubectl 1.32's help texts. */
import type { FlagSpec } from '../flags.ts';

/** OUTPUT_FLAGS are kubectl's PrintFlags for mutating verbs. */
export const OUTPUT_FLAGS: readonly FlagSpec[] = [
  { name: 'allow-missing-template-keys', type: 'bool', default: 'true', help: 'If true, ignore any errors in templates when a field or map key is missing in the template. Only applies to golang and jsonpath output formats.' },
  { name: 'output', short: 'o', type: 'string', default: "''", help: 'Output format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file).' },
  { name: 'show-managed-fields', type: 'bool', default: 'false', help: 'If true, keep the managedFields when printing objects in JSON or YAML format.' },
  { name: 'template', type: 'string', default: "''", help: 'Template string or path to template file to use when -o=go-template, -o=go-template-file. The template format is golang templates [http://golang.org/pkg/text/template/#pkg-overview].' },
];

/** VALIDATE_FLAG is `--validate`. */
export const VALIDATE_FLAG: FlagSpec = {
  name: 'validate',
  type: 'string',
  default: "'strict'",
  help: 'Must be one of: strict (or true), warn, ignore (or false). "true" or "strict" will use a schema to validate the input and fail the request if invalid. It will perform server side validation if ServerSideFieldValidation is enabled on the api-server, but will fall back to less reliable client-side validation if not. "warn" will warn about unknown or duplicate fields without blocking the request if server-side field validation is enabled on the API server, and behave as "ignore" otherwise. "false" or "ignore" will not perform any schema validation, silently dropping any unknown or duplicate fields.',
};

/** DRY_RUN_FLAG is `--dry-run`. */
export const DRY_RUN_FLAG: FlagSpec = {
  name: 'dry-run',
  type: 'string',
  default: "'none'",
  help: 'Must be "none", "server", or "client". If client strategy, only print the object that would be sent, without sending it. If server strategy, submit server-side request without persisting the resource.',
};

/** fieldManager declares `--field-manager` with a verb's default manager. */
export function fieldManager(name: string): FlagSpec {
  return { name: 'field-manager', type: 'string', default: `'${name}'`, help: 'Name of the manager used to track field ownership.' };
}

/** CREATE_FLAGS are the flags of `kubectl create <generator>`. */
export const CREATE_FLAGS: readonly FlagSpec[] = [
  ...OUTPUT_FLAGS,
  DRY_RUN_FLAG,
  fieldManager('kubectl-create'),
  { name: 'save-config', type: 'bool', default: 'false', help: 'If true, the configuration of current object will be saved in its annotation. Otherwise, the annotation will be unchanged. This flag is useful when you want to perform kubectl apply on this object in the future.' },
  VALIDATE_FLAG,
];

/** filenameFlags are `-f`, `-k` and `-R` with the verb's wording for what the files identify. */
export function filenameFlags(usage: string): FlagSpec[] {
  return [
    { name: 'filename', short: 'f', type: 'stringArray', default: '[]', help: `Filename, directory, or URL to files ${usage}` },
    { name: 'kustomize', short: 'k', type: 'string', default: "''", help: `Process the kustomization directory. This flag can't be used together with -f or -R.` },
    { name: 'recursive', short: 'R', type: 'bool', default: 'false', help: 'Process the directory used in -f, --filename recursively. Useful when you want to manage related manifests organized within the same directory.' },
  ];
}
