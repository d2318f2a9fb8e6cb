/** describeNamespace renders `kubectl describe namespace`; the sandbox has no quotas or limit ranges. */
import type { Namespace } from '../../../api/namespace.ts';
import { PrefixWriter, printAnnotationsMultiline, printLabelsMultiline } from '../prefix-writer.ts';

/** describeNamespace returns the description of one namespace. */
export function describeNamespace(ns: Namespace): string {
  const w = new PrefixWriter();
  w.write(0, `Name:\t${ns.metadata.name}\n`);
  printLabelsMultiline(w, 'Labels', ns.metadata.labels);
  printAnnotationsMultiline(w, 'Annotations', ns.metadata.annotations);
  w.write(0, `Status:\t${ns.status?.phase ?? ''}\n`);
  w.write(0, '\nNo resource quota.\n');
  w.write(0, '\nNo LimitRange resource.\n');
  return w.flush();
}
