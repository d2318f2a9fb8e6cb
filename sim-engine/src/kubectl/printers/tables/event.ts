/** The event table: LAST SEEN, TYPE, REASON, OBJECT and MESSAGE as printEvent renders them. */
import type { Event } from '../../../api/event.ts';
import { age } from './pod.ts';
import type { TableDef } from './table.ts';

/** eventTable is `kubectl get events`. */
export const eventTable: TableDef<Event> = {
  columns: [
    { name: 'LAST SEEN' },
    { name: 'TYPE' },
    { name: 'REASON' },
    { name: 'OBJECT' },
    { name: 'SUBOBJECT', wide: true },
    { name: 'SOURCE', wide: true },
    { name: 'MESSAGE' },
    { name: 'FIRST SEEN', wide: true },
    { name: 'COUNT', wide: true },
    { name: 'NAME', wide: true },
  ],
  row(ev, now) {
    const source = ev.source.host ? `${ev.source.component}, ${ev.source.host}` : ev.source.component;
    return [
      age(ev.lastTimestamp ?? ev.firstTimestamp, now),
      ev.type,
      ev.reason,
      `${ev.involvedObject.kind.toLowerCase()}/${ev.involvedObject.name}`,
      ev.involvedObject.fieldPath ?? '',
      source,
      ev.message.trim(),
      age(ev.firstTimestamp, now),
      String(ev.count || 1),
      ev.metadata.name!,
    ];
  },
};
