/**
 * busybox `ping`: ICMP echo through the cluster's network model. Pods, nodes and loopback
 * answer; a Service's ClusterIP never does (kube-proxy only forwards the Service's ports), so
 * pinging one loses every packet — a lesson in what a virtual IP is. Round-trip times are
 * derived from the packet, so transcripts are deterministic.
 */
import type { ContainerView } from './container.ts';
import type { ExecIO } from './programs.ts';

/** MAXWAIT_MS is how long busybox waits for replies after the last packet when none came. */
const MAXWAIT_MS = 10_000;
/** A ping without -c runs until Ctrl+C; an hour of packets bounds it where nothing can press it. */
const MAX_PACKETS = 3600;

const USAGE =
  'BusyBox v1.36.1 (2023-05-18 22:34:17 UTC) multi-call binary.\n\nUsage: ping [OPTIONS] HOST\n\nSend ICMP ECHO_REQUESTs to HOST\n\n\t-4,-6\t\tForce IP or IPv6 name resolution\n\t-c CNT\t\tSend only CNT pings\n\t-s SIZE\t\tSend SIZE data bytes in packets (default 56)\n\t-i SECS\t\tInterval\n\t-A\t\tPing as soon as reply is received\n\t-t TTL\t\tSet TTL\n\t-I IFACE/IP\tSource interface or IP address\n\t-W SEC\t\tSeconds to wait for the first response (default 10)\n\t\t\t(after all -c CNT packets are sent)\n\t-w SEC\t\tSeconds until ping exits (default:infinite)\n\t\t\t(can exceed -c CNT, -W SEC)\n\t-q\t\tQuiet, only display output at start/finish\n\t-p HEXBYTE\tPayload pattern\n';

/** rttMicros is the deterministic round trip of one echo: tens of microseconds on the node, a few hundred across it. */
export function rttMicros(ip: string, seq: number, sameNode: boolean): number {
  let h = seq * 2654435761;
  for (const ch of ip) h = Math.imul(h ^ ch.charCodeAt(0), 16777619) >>> 0;
  return sameNode ? 40 + (h % 60) : 250 + (h % 300);
}

const ms = (us: number) => `${Math.floor(us / 1000)}.${String(us % 1000).padStart(3, '0')}`;

/** ping sends -c COUNT echoes (one a second) to HOST and prints busybox's replies and statistics. */
export function ping(view: ContainerView, args: string[], io: ExecIO): number | Promise<number> {
  let count = MAX_PACKETS;
  let size = 56;
  let quiet = false;
  let host: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '-c' || a === '-s' || a === '-i' || a === '-W' || a === '-w' || a === '-t' || a === '-I' || a === '-p') {
      const v = args[++i];
      if (v === undefined) {
        io.stderr(`ping: option requires an argument -- '${a.slice(1)}'\n${USAGE}`);
        return 1;
      }
      if (a === '-c') count = Math.max(1, Number.parseInt(v, 10) || 0);
      if (a === '-s') size = Number.parseInt(v, 10) || 0;
    } else if (a === '-q') quiet = true;
    else if (a.startsWith('-c') && a.length > 2) count = Math.max(1, Number.parseInt(a.slice(2), 10) || 0);
    else if (!a.startsWith('-')) host = a;
  }
  if (host === undefined) {
    io.stderr(USAGE);
    return 1;
  }
  const answer = io.network.resolve(view.pod, host);
  if (!answer.ok || answer.addresses.length === 0) {
    io.stderr(`ping: bad address '${host}'\n`);
    return 1;
  }
  const ip = answer.addresses[0]!;
  const reply = io.network.echoReply(view.pod, ip);
  io.stdout(`PING ${host} (${ip}): ${size} data bytes\n`);
  const rtts: number[] = [];
  let sent = 0;
  const finish = (): number => {
    const loss = Math.floor(((sent - rtts.length) * 100) / Math.max(sent, 1));
    io.stdout(`\n--- ${host} ping statistics ---\n${sent} packets transmitted, ${rtts.length} packets received, ${loss}% packet loss\n`);
    if (rtts.length) {
      const avg = Math.round(rtts.reduce((a, b) => a + b, 0) / rtts.length);
      io.stdout(`round-trip min/avg/max = ${ms(Math.min(...rtts))}/${ms(avg)}/${ms(Math.max(...rtts))} ms\n`);
    }
    return rtts.length ? 0 : 1;
  };
  // One packet a step; a sleep that returns nothing (the kubelet keeps time itself) runs it all at once.
  const step = (): number | Promise<number> => {
    if (sent >= count || io.interrupted()) return finish();
    const seq = sent++;
    if (reply.ok) {
      const us = rttMicros(ip, seq, reply.sameNode);
      rtts.push(us);
      if (!quiet) io.stdout(`${size + 8} bytes from ${ip}: seq=${seq} ttl=64 time=${ms(us)} ms\n`);
    }
    // The next packet goes a second later; after the last, busybox waits for late replies only if none came.
    const wait = sent < count ? 1000 : rtts.length ? 0 : MAXWAIT_MS;
    const waiting = wait ? io.sleep(wait) : undefined;
    return waiting ? waiting.then(step) : step();
  };
  return step();
}
