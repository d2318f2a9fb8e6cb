/**
 * wget, curl and nslookup inside a container, answered by the cluster's network model
 * (src/network): what they print and exit with for each outcome, as busybox wget, curl 7.88 and
 * busybox nslookup do. Connections that time out take the tool's timeout in cluster time.
 */
import type { Network } from '../../../network/network.ts';
import type { ContainerView } from './container.ts';

/** NetIO is what the network tools need from exec: output, waiting, and the network itself. */
export interface NetIO {
  stdout(text: string): void;
  stderr(text: string): void;
  /** sleep waits in cluster time; a caller that keeps time itself (the kubelet) returns nothing and the tool goes on at once. */
  sleep(ms: number): Promise<void> | void;
  interrupted(): boolean;
  network: Network;
}

/** afterWait runs `then` once `ms` of cluster time has passed: later for kubectl exec, at once for the kubelet, which accounts the wait. */
export function afterWait(io: Pick<NetIO, 'sleep'>, ms: number, then: () => number): number | Promise<number> {
  const waiting = io.sleep(ms);
  return waiting ? waiting.then(then) : then();
}

const CURL_VERSION = '7.88.1';

const PROGRESS_HEAD = '  % Total    % Received % Xferd  Average Speed   Time    Time     Time  Current\n                                 Dload  Upload   Total   Spent    Left  Speed\n';

/** curlSize is how curl's progress meter prints a byte count in five columns. */
function curlSize(n: number): string {
  return (n < 100_000 ? String(n) : `${Math.round(n / 1024)}k`).padStart(5);
}

/** curl fetches a URL: the body on stdout, the progress meter (stdout is no terminal) and errors on stderr. */
export function curl(view: ContainerView, args: string[], io: NetIO): number | Promise<number> {
  const short = new Set(args.filter((a) => /^-[a-zA-Z]+$/.test(a)).flatMap((a) => [...a.slice(1)]));
  const has = (letter: string, long: string) => short.has(letter) || args.includes(long);
  const head = has('I', '--head');
  const silent = has('s', '--silent');
  const showErrors = !silent || has('S', '--show-error');
  const url = args.find((a) => !a.startsWith('-')) ?? '';
  if (!url) {
    io.stderr("curl: try 'curl --help' or 'curl --manual' for more information\n");
    return 2;
  }
  const r = io.network.request(view.pod, url, { method: head ? 'HEAD' : 'GET', userAgent: `curl/${CURL_VERSION}` });
  const meter = (bytes: number) => {
    if (silent) return;
    const speed = bytes ? `${curlSize(bytes * 1000)}` : '    0';
    io.stderr(`${PROGRESS_HEAD}${bytes ? '100' : '  0'} ${curlSize(bytes)}  ${bytes ? '100' : '  0'} ${curlSize(bytes)}    0     0 ${speed.padStart(6)}      0 --:--:-- --:--:-- --:--:-- ${speed.padStart(5)}\n`);
  };
  if (r.ok) {
    meter(r.body.length);
    if (head) io.stdout(`HTTP/1.1 ${r.status} ${r.statusText}\r\n${r.headers.map(([k, v]) => `${k}: ${v}\r\n`).join('')}\r\n`);
    else io.stdout(r.body);
    return 0;
  }
  const fail = (): number => {
    meter(0);
    const [code, message] = {
      nxdomain: [6, `Could not resolve host: ${r.host}`],
      refused: [7, `Failed to connect to ${r.host} port ${r.port} after 0 ms: Couldn't connect to server`],
      reset: [1, 'Received HTTP/0.9 when not allowed'],
      'bad-url': [3, 'URL using bad/illegal format or missing URL'],
      timeout: [28, `Failed to connect to ${r.host} port ${r.port} after 130000 ms: Couldn't connect to server`],
    }[r.error] as [number, string];
    if (showErrors) io.stderr(`curl: (${code}) ${message}\n`);
    return code;
  };
  if (r.error === 'timeout') return afterWait(io, 130_000, () => (io.interrupted() ? 130 : fail()));
  return fail();
}

/** wget is busybox wget: -q, -O- (or -O -), -T seconds; without -O the file would be saved, which the sandbox only reports. */
export function wget(view: ContainerView, args: string[], io: NetIO): number | Promise<number> {
  let quiet = false;
  let output: string | undefined;
  let timeout = 900;
  let url = '';
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '-q') quiet = true;
    else if (a === '-qO-' || a === '-qO' || a === '-O-' || a === '-O') {
      quiet ||= a.startsWith('-q');
      output = a.endsWith('-') && a !== '-O' && a !== '-qO' ? '-' : args[++i];
    } else if (a === '-T') timeout = Number(args[++i]) || timeout;
    else if (!a.startsWith('-')) url = a;
  }
  const r = io.network.request(view.pod, url, { userAgent: 'Wget' });
  if (!r.ok) {
    if (r.error === 'timeout') {
      return afterWait(io, timeout * 1000, () => {
        if (io.interrupted()) return 130;
        io.stderr('wget: download timed out\n');
        return 1;
      });
    } else if (r.error === 'nxdomain' || r.error === 'bad-url') io.stderr(`wget: bad address '${r.host}'\n`);
    else if (r.error === 'refused') io.stderr(`wget: can't connect to remote host (${r.ip ?? r.host}): Connection refused\n`);
    else io.stderr('wget: error getting response: Connection reset by peer\n');
    return 1;
  }
  if (!quiet) {
    // busybox names the host and the address it resolved to, with the port it dialled.
    const m = /^(?:https?:\/\/)?([^/:]+)(?::(\d+))?/.exec(url)!;
    const answer = io.network.resolve(view.pod, m[1]!);
    const ip = answer.ok ? answer.addresses[0] : m[1];
    io.stderr(`Connecting to ${m[1]} (${ip}:${m[2] ?? (url.startsWith('https') ? 443 : 80)})\n`);
  }
  if (r.status >= 400) {
    io.stderr(`wget: server returned error: HTTP/1.1 ${r.status} ${r.statusText}\n`);
    return 1;
  }
  const name = output ?? (url.replace(/^https?:\/\//, '').split('/').slice(1).pop() || 'index.html');
  if (name === '-') {
    if (!quiet) io.stderr('writing to stdout\n');
    io.stdout(r.body);
    if (!quiet) io.stderr(`-                    100% |********************************|  ${String(r.body.length).padStart(4)}  0:00:00 ETA\nwritten to stdout\n`);
    return 0;
  }
  if (!quiet) io.stderr(`saving to '${name}'\n${name.padEnd(20)} 100% |********************************|  ${String(r.body.length).padStart(4)}  0:00:00 ETA\n'${name}' saved\n`);
  return 0;
}

/** nslookup is busybox nslookup against the pod's resolver. */
export function nslookup(view: ContainerView, args: string[], io: NetIO): number | Promise<number> {
  const name = args.find((a) => !a.startsWith('-'));
  if (!name) {
    io.stderr('BusyBox v1.36.1 (2023-05-18 22:34:17 UTC) multi-call binary.\n\nUsage: nslookup [-type=QUERY_TYPE] [-debug] HOST [DNS_SERVER]\n\nQuery DNS about HOST\n');
    return 1;
  }
  const answer = io.network.resolve(view.pod, name);
  io.stdout(`Server:\t\t${answer.server}\nAddress:\t${answer.server}:53\n\n`);
  if (answer.ok) {
    // An alias prints as busybox does a CNAME record, then the target's addresses under the target's name.
    const alias = answer.cname ? `${answer.name}\tcanonical name = ${answer.cname}\n` : '';
    io.stdout(`${alias}${answer.addresses.map((a) => `Name:\t${answer.cname ?? answer.name}\nAddress: ${a}\n`).join('')}\n`);
    return 0;
  }
  if (answer.error === 'timeout') {
    return afterWait(io, 15_000, () => {
      if (io.interrupted()) return 130;
      io.stdout(';; connection timed out; no servers could be reached\n\n');
      return 1;
    });
  }
  io.stdout(answer.tried.map((t) => `** server can't find ${t}: NXDOMAIN\n\n`).join(''));
  return 1;
}
