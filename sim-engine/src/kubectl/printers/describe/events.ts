/** describeEvents writes the Events section shared by every describer. */
import type { Event } from '../../../api/event.ts';
import { humanDuration } from '../../../util/duration.ts';
import { parseTime } from '../../../util/time.ts';
import type { PrefixWriter } from '../prefix-writer.ts';

/** describeEvents prints `Events:` with `<none>` or the Type/Reason/Age/From/Message table, oldest first. */
export function describeEvents(w: PrefixWriter, events: readonly Event[], now: number): string {
  // kubectl's DescribeEvents writes `Events:\t<none>` before its Flush, so with no events the
  // line aligns with the block above it; only the events table is aligned on its own.
  if (events.length === 0) {
    w.write(0, 'Events:\t<none>\n');
    return w.flush();
  }
  let out = w.flush();
  w.write(0, 'Events:\n');
  w.write(1, 'Type\tReason\tAge\tFrom\tMessage\n');
  w.write(1, '----\t------\t----\t----\t-------\n');
  for (const e of events) {
    const first = parseTime(e.firstTimestamp) ?? now;
    const last = parseTime(e.lastTimestamp) ?? first;
    const ageText = e.count > 1 ? `${humanDuration(now - last)} (x${e.count} over ${humanDuration(now - first)})` : humanDuration(now - first);
    w.write(1, `${e.type}\t${e.reason}\t${ageText}\t${e.source.component}\t${e.message.trim()}\n`);
  }
  out += w.flush();
  return out;
}
