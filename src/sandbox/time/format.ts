/** How the sandbox shows cluster time: a wall-clock readout, the speed, and step announcements. */

/** formatClockTime shows a virtual instant as HH:MM:SS in UTC, the zone kubectl's timestamps use. */
export function formatClockTime(ms: number): string {
  const d = new Date(ms);
  if (Number.isNaN(d.getTime())) return '--:--:--';
  const two = (n: number) => String(n).padStart(2, '0');
  return `${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())}`;
}

/** speedLabel names a clock speed for the readout: "paused", "1×", "10×". */
export function speedLabel(speed: number): string {
  if (!(speed > 0)) return 'paused';
  return `${Number.isInteger(speed) ? speed : speed.toFixed(1)}×`;
}

/** formatDuration says how long a jump was, in words a learner reads at a glance: "1.8 s", "2 min 5 s". */
export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.max(0, Math.round(ms))} ms`;
  if (ms < 60_000) return `${(Math.round(ms / 100) / 10).toString()} s`;
  const totalSeconds = Math.round(ms / 1000);
  const h = Math.floor(totalSeconds / 3600);
  const m = Math.floor((totalSeconds % 3600) / 60);
  const s = totalSeconds % 60;
  return [h ? `${h} h` : '', m ? `${m} min` : '', s ? `${s} s` : ''].filter(Boolean).join(' ');
}
