/**
 * `kubectl get -w` / `--watch-only`: print the current objects, then one line per watch event
 * until Ctrl+C. Each event is flushed on its own through a RememberWidths tab writer, so the
 * columns only ever grow and earlier lines are never re-aligned, exactly as on a terminal.
 */
import type { KubeObject } from '../../../api/meta.ts';
import type { WatchEvent, WatchEventType } from '../../../store/store.ts';
import { waitUntil, type Invocation } from '../../command.ts';
import { printObjects } from '../../output.ts';
import { parseCustomColumns, printCustomColumns } from '../../printers/custom-columns.ts';
import { tableFor } from '../../printers/tables/index.ts';
import { renderTable, type TableOptions } from '../../printers/tables/render.ts';
import { tableWriter } from '../../printers/tabwriter.ts';
import type { ResourceRequest } from '../../resource-args.ts';
import type { ObjectFilter } from './query.ts';

/** WatchSpec is everything the watch loop needs from `get`. */
export interface WatchSpec {
  req: ResourceRequest;
  filter: ObjectFilter;
  /** The objects as first fetched (a single named object is not a list). */
  initial: KubeObject[];
  output: string;
  watchOnly: boolean;
  outputWatchEvents: boolean;
  table: TableOptions;
}

/** watchGet prints the initial state and then every change until interrupted; it resolves to the exit status. */
export async function watchGet(inv: Invocation, spec: WatchSpec): Promise<number> {
  const printer = eventPrinter(inv, spec);
  if (!spec.watchOnly) for (const obj of spec.initial) printer.print(obj, 'ADDED');
  printer.flush();
  // A single object's watch starts with a synthetic ADDED event that kubectl suppresses; a
  // list's watch starts after the list, so there is nothing to suppress. Subscribing right
  // after the read leaves no gap for changes to slip through.
  const pending: { type: WatchEventType; object: KubeObject }[] = [];
  const unsubscribe = inv.cluster.store.watch(spec.req.resource.kind, (e: WatchEvent) => {
    const now = spec.filter(e.object);
    const before = e.old !== undefined && e.type === 'MODIFIED' && spec.filter(e.old);
    if (e.type === 'MODIFIED' && now !== before) pending.push({ type: now ? 'ADDED' : 'DELETED', object: e.object });
    else if (now) pending.push({ type: e.type, object: e.object });
  });
  try {
    await waitUntil(inv, () => {
      for (const e of pending.splice(0)) {
        printer.print(e.object, e.type);
        printer.flush();
      }
      return false;
    });
  } finally {
    unsubscribe();
  }
  return 0;
}

interface EventPrinter {
  print(obj: KubeObject, type: WatchEventType): void;
  flush(): void;
}

function eventPrinter(inv: Invocation, spec: WatchSpec): EventPrinter {
  const [format, ...rest] = spec.output.split('=');
  if (spec.output === '' || spec.output === 'wide') {
    const w = tableWriter();
    const def = tableFor(spec.req.resource.kind)!;
    let printedHeaders = false;
    return {
      print(obj, type) {
        renderTable(w, def, [obj], inv.ctx.now(), { ...spec.table, noHeaders: spec.table.noHeaders || printedHeaders, eventType: spec.outputWatchEvents ? type : undefined });
        printedHeaders = true;
      },
      flush: () => inv.ctx.stdout(w.flush()),
    };
  }
  if (format === 'custom-columns') {
    const columns = parseCustomColumns(rest.join('='));
    let printedHeaders = false;
    return {
      print(obj) {
        inv.ctx.stdout(printCustomColumns(columns, [obj], { noHeaders: spec.table.noHeaders || printedHeaders }));
        printedHeaders = true;
      },
      flush() {},
    };
  }
  let count = 0;
  return {
    print(obj, type) {
      // The YAML printer separates documents after the first; --output-watch-events wraps each object.
      if (format === 'yaml' && count++ > 0) inv.ctx.stdout('---\n');
      const shown = spec.outputWatchEvents ? ({ type, object: obj } as unknown as KubeObject) : obj;
      printObjects(inv, [shown], spec.output, { single: true });
    },
    flush() {},
  };
}
