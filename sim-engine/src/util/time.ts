/** Timestamps in the layouts kubectl prints. The simulated cluster always runs in UTC. */

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'] as const;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

/** rfc1123z is Go's time.RFC1123Z layout in UTC, as describe prints creation times: `Mon, 06 Jan 2025 10:00:00 +0000`. */
export function rfc1123z(ms: number): string {
  const t = new Date(ms);
  const day = DAYS[t.getUTCDay()]!;
  const month = MONTHS[t.getUTCMonth()]!;
  const clock = `${pad(t.getUTCHours(), 2)}:${pad(t.getUTCMinutes(), 2)}:${pad(t.getUTCSeconds(), 2)}`;
  return `${day}, ${pad(t.getUTCDate(), 2)} ${month} ${pad(t.getUTCFullYear(), 4)} ${clock} +0000`;
}

/** rfc3339 is how metav1.Time marshals: UTC, whole seconds (the fraction is dropped, not rounded). */
export function rfc3339(ms: number): string {
  // Virtual time dwells on a few seconds for thousands of writes: format each second once, and
  // let every object stamped in it share the one string.
  const second = Math.floor(ms / 1000);
  let text = formatted.get(second);
  if (text === undefined) {
    if (formatted.size >= FORMATTED_LIMIT) formatted.clear();
    text = formatRFC3339(ms);
    formatted.set(second, text);
  }
  return text;
}

const FORMATTED_LIMIT = 4096;
const formatted = new Map<number, string>();

function formatRFC3339(ms: number): string {
  const t = new Date(ms);
  const date = `${pad(t.getUTCFullYear(), 4)}-${pad(t.getUTCMonth() + 1, 2)}-${pad(t.getUTCDate(), 2)}`;
  const clock = `${pad(t.getUTCHours(), 2)}:${pad(t.getUTCMinutes(), 2)}:${pad(t.getUTCSeconds(), 2)}`;
  return `${date}T${clock}Z`;
}

/** parseTime reads an RFC 3339 timestamp back into milliseconds. */
export function parseTime(s: string | undefined | null): number | undefined {
  if (!s) return undefined;
  // Controllers rank thousands of pods by the same few timestamps: parse each text once.
  let t = parsed.get(s);
  if (t === undefined) {
    if (parsed.size >= PARSED_LIMIT) parsed.clear();
    t = Date.parse(s);
    parsed.set(s, t);
  }
  return Number.isNaN(t) ? undefined : t;
}

const PARSED_LIMIT = 4096;
const parsed = new Map<string, number>();
