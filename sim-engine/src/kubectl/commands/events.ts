/** kubectl events: events sorted by time in their own columns, filtered with --for and --types, or watched with -w. */
import type { Event } from '../../api/event.ts';
import { lookupResource } from '../../api/resources.ts';
import type { WatchEvent } from '../../store/store.ts';
import { humanDuration } from '../../util/duration.ts';
import { parseTime } from '../../util/time.ts';
import { waitUntil, type Command, type Invocation } from '../command.ts';
import { KubectlError } from '../errors.ts';
import { bool, list, str } from '../flags.ts';
import { printObjects } from '../output.ts';
import { escapeTerminal } from '../printers/prefix-writer.ts';
import { tableWriter } from '../printers/tabwriter.ts';

const FORMATS = 'go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,yaml';

/** eventTime is what `kubectl events` sorts by: the last timestamp. */
function eventTime(e: Event): number {
  return parseTime(e.lastTimestamp) ?? parseTime(e.firstTimestamp) ?? 0;
}

function since(t: string | null | undefined, now: number): string {
  const ms = parseTime(t);
  return ms === undefined ? '<unknown>' : humanDuration(now - ms);
}

/** interval is getInterval: `5s`, or `90s (x5 over 3m)` for repeated events. */
export function interval(e: Event, now: number): string {
  const first = since(e.firstTimestamp, now);
  return e.count > 1 ? `${since(e.lastTimestamp, now)} (x${e.count} over ${first})` : first;
}

function cell(s: string): string {
  const i = s.search(/[\f\n\r]/);
  return escapeTerminal(i < 0 ? s : `${s.slice(0, i)}...`);
}

/** eventsCommand is `kubectl events`. */
export const eventsCommand: Command = {
  name: 'events',
  summary: 'List events',
  help: {
    description: 'List the events of a namespace, oldest first: what the scheduler, kubelets and controllers reported about the objects they handled.',
    examples: [
      ['List the events of the current namespace', 'kubectl events'],
      ['List the events of every namespace', 'kubectl events --all-namespaces'],
      ['List only warnings', 'kubectl events --types=Warning'],
      ['List the events of one pod', 'kubectl events --for pod/web'],
    ],
    usage: 'events [(-o|--output=)json|yaml|name] [--for TYPE/NAME] [--watch] [--types=Normal,Warning]',
  },
  flags: [
    { name: 'all-namespaces', short: 'A', type: 'bool', default: 'false', help: 'If present, list the requested object(s) across all namespaces.' },
    { name: 'chunk-size', type: 'int', default: '500', help: 'Return large lists in chunks rather than all at once.' },
    { name: 'for', type: 'string', default: "''", help: 'Filter events to only those pertaining to the specified resource.' },
    { name: 'no-headers', type: 'bool', default: 'false', help: "When using the default output format, don't print headers." },
    { name: 'output', short: 'o', type: 'string', default: "''", help: 'Output format.' },
    { name: 'types', type: 'stringArray', default: '[]', help: 'Output only events of given types.' },
    { name: 'watch', short: 'w', type: 'bool', default: 'false', help: 'After listing the requested events, watch for more events.' },
  ],
  async run(inv) {
    const output = str(inv.flags, 'output');
    if (output && !/^(json|yaml|name|jsonpath(-as-json|-file)?|go-template(-file)?|template(file)?)(=|$)/.test(output)) {
      throw new KubectlError(`unable to match a printer suitable for the output format "${output}", allowed formats are: ${FORMATS}`);
    }
    const types = [...new Set(list(inv.flags, 'types').flatMap((t) => t.split(',')))].sort();
    if (types.some((t) => !['normal', 'warning'].includes(t.toLowerCase()))) throw new KubectlError('valid --types are Normal or Warning');
    const forArg = str(inv.flags, 'for');
    let forKind: string | undefined;
    let forName: string | undefined;
    if (forArg) {
      if (!forArg.includes('/')) throw new KubectlError('--for must be in resource/name form');
      const parts = forArg.split('/');
      if (parts.length !== 2) throw new KubectlError('arguments in resource/name form may not have more than one slash');
      const r = lookupResource(parts[0]!);
      if (!r) {
        // The RESTMapper's NoMatch error reaches kubectl's CheckErr, which prints it without `error: `.
        inv.ctx.stderr(`the server doesn't have a resource type "${parts[0]}"\n`);
        return 1;
      }
      forKind = r.kind;
      forName = parts[1]!;
    }
    const all = bool(inv.flags, 'all-namespaces');
    const wanted = (e: Event) =>
      (all || e.metadata.namespace === inv.namespace) &&
      (!forName || (e.involvedObject.kind === forKind && e.involvedObject.name === forName)) &&
      (types.length === 0 || types.some((t) => t.toLowerCase() === e.type.toLowerCase()));
    const noHeaders = bool(inv.flags, 'no-headers');
    const w = tableWriter();
    let headed = false;
    const print = (events: Event[]) => {
      if (output) {
        for (const e of events) printObjects(inv, [e], output, { single: true });
        return;
      }
      if (!noHeaders && !headed) w.write(`${all ? 'NAMESPACE\t' : ''}LAST SEEN\tTYPE\tREASON\tOBJECT\tMESSAGE\n`);
      headed = true;
      const now = inv.ctx.now();
      for (const e of events) {
        w.write(`${all ? `${e.metadata.namespace}\t` : ''}${interval(e, now)}\t${cell(e.type)}\t${cell(e.reason)}\t${cell(e.involvedObject.kind)}/${cell(e.involvedObject.name)}\t${cell(e.message.trim())}\n`);
      }
      inv.ctx.stdout(w.flush());
    };
    if (bool(inv.flags, 'watch')) {
      // A watch without a resourceVersion first replays every existing event, then streams new ones.
      const pending: WatchEvent[] = inv.cluster.api.list<Event>('Event', all ? undefined : inv.namespace).map((object) => ({ type: 'ADDED', object }));
      const unsubscribe = inv.cluster.store.watch('Event', (e) => pending.push(e));
      try {
        await waitUntil(inv, () => {
          const batch = pending.splice(0).filter((e) => e.type !== 'DELETED').map((e) => e.object as Event).filter(wanted);
          for (const e of batch) print([e]);
          return false;
        });
      } finally {
        unsubscribe();
      }
      return 0;
    }
    const events = inv.cluster.api.list<Event>('Event', all ? undefined : inv.namespace).filter(wanted);
    if (events.length === 0) {
      inv.ctx.stderr(all ? 'No events found.\n' : `No events found in ${inv.namespace} namespace.\n`);
      return 0;
    }
    const sorted = [...events].sort((a, b) => eventTime(a) - eventTime(b));
    // Formats other than the default print the EventList as one object (names one per event).
    if (output && !output.startsWith('name')) {
      const list = { apiVersion: 'v1', items: sorted, kind: 'EventList', metadata: {} } as unknown as Event;
      printObjects(inv, [list], output, { single: true });
    } else print(sorted);
    return 0;
  },
};
