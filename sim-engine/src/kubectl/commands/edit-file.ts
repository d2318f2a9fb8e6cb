/**
 * The temp file `kubectl edit` opens: its header comment (with the failures of the last save
 * when it is reopened, as kubectl's editHeader writes them), and the comment stripping kubectl
 * applies before it compares or parses what was saved.
 */
import type { KubeObject } from '../../api/meta.ts';
import { qualifiedResource, resourceForKind } from '../../api/resources.ts';
import { StatusError } from '../../apiserver/errors.ts';

/** EditReason is one failure listed in the header: a headline and its causes. */
export interface EditReason {
  head: string;
  other: string[];
}

const HEADER =
  "# Please edit the object below. Lines beginning with a '#' will be ignored,\n# and an empty file will abort the edit. If an error occurs while saving this file will be\n# reopened with the relevant failures.\n#\n";

/** editHeader is the comment at the top of the file, listing `reasons` after the instructions. */
export function editHeader(reasons: readonly EditReason[]): string {
  let out = HEADER;
  for (const r of reasons) {
    out += r.other.length > 0 ? `# ${hashOnLineBreak(r.head)}:\n` : `# ${hashOnLineBreak(r.head)}\n`;
    for (const o of r.other) out += `# * ${hashOnLineBreak(o)}\n`;
    out += '#\n';
  }
  return out;
}

/** invalidReason is the header entry for an update the API server refused as Invalid: `deployments.apps "web" was not valid`. */
export function invalidReason(obj: KubeObject, err: StatusError): EditReason {
  return { head: `${resourceString(obj)} "${obj.metadata.name}" was not valid`, other: err.causes.map((c) => `${c.field}: ${c.detail}`) };
}

/** resourceString is the resource as kubectl edit names it in messages: `deployments.apps`, `pods`. */
export function resourceString(obj: KubeObject): string {
  const r = resourceForKind(obj.kind);
  return r ? qualifiedResource(r) : obj.kind.toLowerCase();
}

/** manualStrip drops comment lines (but not `#!`), as cmdutil.ManualStrip does to keep a failed edit without its old header. */
export function manualStrip(text: string): string {
  return text
    .split('\n')
    .filter((line) => !(line.trim().startsWith('#') && !line.trim().startsWith('#!')))
    .join('\n');
}

/** stripComments is what two saves are compared by: the text without comment lines and surrounding space (cmdutil.StripComments compares them as JSON). */
export function stripComments(text: string): string {
  return manualStrip(text).trim();
}

function hashOnLineBreak(s: string): string {
  return s.replace(/\n/g, '\n# ');
}
