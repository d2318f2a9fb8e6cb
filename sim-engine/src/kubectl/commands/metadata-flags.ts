/** The selection flags label and annotate share, worded per verb as kubectl 1.32 words them. */
import type { FlagSpec } from '../flags.ts';

/** metadataFlags are label's or annotate's own flags; `field` is "labels"/"annotations", `one` is "label"/"annotation". */
export function metadataFlags(field: string, one: string): FlagSpec[] {
  return [
    { name: 'all', type: 'bool', default: 'false', help: `Select all resources, in the namespace of the specified resource types${one === 'annotation' ? '.' : ''}` },
    { name: 'all-namespaces', short: 'A', type: 'bool', default: 'false', help: 'If true, check the specified action in all namespaces.' },
    { name: 'field-selector', type: 'string', default: "''", help: "Selector (field query) to filter on, supports '=', '==', and '!='.(e.g. --field-selector key1=value1,key2=value2). The server only supports a limited number of field queries per type." },
    { name: 'filename', short: 'f', type: 'stringArray', default: '[]', help: `Filename, directory, or URL to files identifying the resource to update the ${one === 'label' ? 'labels' : 'annotation'}` },
    { name: 'kustomize', short: 'k', type: 'string', default: "''", help: "Process the kustomization directory. This flag can't be used together with -f or -R." },
    { name: 'list', type: 'bool', default: 'false', help: `If true, display the ${field} for a given resource.` },
    { name: 'local', type: 'bool', default: 'false', help: `If true, ${one} will NOT contact api-server but run locally.` },
    { name: 'overwrite', type: 'bool', default: 'false', help: `If true, allow ${field} to be overwritten, otherwise reject ${one} updates that overwrite existing ${field}.` },
    { name: 'recursive', short: 'R', type: 'bool', default: 'false', help: 'Process the directory used in -f, --filename recursively. Useful when you want to manage related manifests organized within the same directory.' },
    { name: 'resource-version', type: 'string', default: "''", help: `If non-empty, the ${one === 'label' ? 'labels' : 'annotation'} update will only succeed if this is the current resource-version for the object. Only valid when specifying a single resource.` },
    { name: 'selector', short: 'l', type: 'string', default: "''", help: "Selector (label query) to filter on, supports '=', '==', and '!='.(e.g. -l key1=value1,key2=value2). Matching objects must satisfy all of the specified label constraints." },
  ];
}
