/**
 * What answers inside a container: the catalog's server images listen on their usual ports
 * (nginx and httpd on 80, redis on 6379, wheelhouse/hello on 8080, the API server on 6443,
 * CoreDNS's health endpoints) as long as the container runs the image's own server, not a
 * shell or some other command. Each server answers an HTTP request the way the real one
 * does, and says what it writes to its access log.
 */
import { parseImage } from '../kubelet/images.ts';
import { rfc1123z } from '../util/time.ts';

/** HttpRequest is one request as a server sees it. */
export interface HttpRequest {
  method: string;
  path: string;
  host: string;
  scheme: 'http' | 'https';
  userAgent: string;
  clientIP: string;
  /** The serving pod's hostname, for servers that print it. */
  hostname: string;
  now: number;
}

/** HttpResponse is a server's answer. */
export interface HttpResponse {
  status: number;
  statusText: string;
  headers: [string, string][];
  body: string;
}

/** Served is a response plus the access-log line the server writes for it (if any). */
export interface Served {
  response?: HttpResponse;
  /** Not HTTP at all: what the server sent back before closing (redis), or nothing. */
  raw?: string;
  log?: string;
}

/** Listener is one port a container's server listens on. */
export interface Listener {
  port: number;
  serve(req: HttpRequest): Served;
}

const SHELLS = new Set(['sh', '/bin/sh', 'bash', '/bin/bash', 'ash', '/bin/ash']);
const NGINX_VERSIONS: Record<string, string> = { '1.26': '1.26.2', '1.26.2': '1.26.2', '1.25': '1.25.5', '1.25.5': '1.25.5', '1.25-alpine': '1.25.5', '1.24': '1.24.0', '1.23': '1.23.4' };

/** NGINX_WELCOME is nginx's default index.html (615 bytes). */
export const NGINX_WELCOME = `<!DOCTYPE html>
<html>
<head>
<title>Welcome to nginx!</title>
<style>
html { color-scheme: light dark; }
body { width: 35em; margin: 0 auto;
font-family: Tahoma, Verdana, Arial, sans-serif; }
</style>
</head>
<body>
<h1>Welcome to nginx!</h1>
<p>If you see this page, the nginx web server is successfully installed and
working. Further configuration is required.</p>

<p>For online documentation and support please refer to
<a href="http://nginx.org/">nginx.org</a>.<br/>
Commercial support is available at
<a href="http://nginx.com/">nginx.com</a>.</p>

<p><em>Thank you for using nginx.</em></p>
</body>
</html>
`;

/** HTTPD_IT_WORKS is httpd's default index.html. */
export const HTTPD_IT_WORKS = '<html><body><h1>It works!</h1></body></html>\n';

const HTTPD_404 = `<!DOCTYPE HTML PUBLIC "-//IETF//DTD HTML 2.0//EN">
<html><head>
<title>404 Not Found</title>
</head><body>
<h1>Not Found</h1>
<p>The requested URL was not found on this server.</p>
</body></html>
`;

/** listenersOf says what a container running `image` (with this command) listens on. */
export function listenersOf(image: string, command: string[] | undefined): Listener[] {
  const ref = parseImage(image);
  if (!ref) return [];
  // A shell (or any other program) in place of the entrypoint serves nothing.
  if (command?.length && (SHELLS.has(command[0]!) || !serverBinary(ref.repository, command[0]!))) return [];
  switch (ref.repository) {
    case 'docker.io/library/nginx':
      return [{ port: 80, serve: (req) => nginx(NGINX_VERSIONS[ref.tag] ?? '1.27.3', req) }];
    case 'docker.io/library/httpd':
      return [{ port: 80, serve: httpd }];
    case 'docker.io/library/redis':
      return [{ port: 6379, serve: () => ({ raw: "-ERR wrong number of arguments for 'get' command\r\n" }) }];
    case 'docker.io/wheelhouse/hello':
      return [{ port: 8080, serve: (req) => hello(ref.tag === 'latest' ? 'v3' : ref.tag, req) }];
    case 'registry.k8s.io/kube-apiserver':
      return [{ port: 6443, serve: apiserver }];
    case 'registry.k8s.io/coredns/coredns':
      return [
        { port: 53, serve: () => ({}) },
        { port: 8080, serve: (req) => plain(req, req.path === '/health' ? 200 : 404, req.path === '/health' ? 'OK' : '404 page not found\n') },
        { port: 8181, serve: (req) => plain(req, req.path === '/ready' ? 200 : 404, req.path === '/ready' ? 'OK' : '404 page not found\n') },
      ];
    default:
      return [];
  }
}

function serverBinary(repository: string, cmd: string): boolean {
  const base = cmd.split('/').pop() ?? cmd;
  return repository.endsWith(`/${base}`) || (repository.endsWith('/redis') && base === 'redis-server') || (repository.endsWith('/httpd') && base === 'httpd-foreground');
}

/** httpDate is an HTTP Date header value. */
export function httpDate(ms: number): string {
  return rfc1123z(ms).replace('+0000', 'GMT');
}

/** accessLogTime is nginx's and httpd's $time_local: `12/Jan/2026:09:00:00 +0000`. */
export function accessLogTime(ms: number): string {
  const [, day, mon, year, clock] = rfc1123z(ms).split(' ') as [string, string, string, string, string];
  return `${day}/${mon}/${year}:${clock} +0000`;
}

function nginx(version: string, req: HttpRequest): Served {
  const found = req.path === '/' || req.path === '/index.html';
  const body = found ? NGINX_WELCOME : `<html>\r\n<head><title>404 Not Found</title></head>\r\n<body>\r\n<center><h1>404 Not Found</h1></center>\r\n<hr><center>nginx/${version}</center>\r\n</body>\r\n</html>\r\n`;
  const headers: [string, string][] = [
    ['Server', `nginx/${version}`],
    ['Date', httpDate(req.now)],
    ['Content-Type', 'text/html'],
    ['Content-Length', String(body.length)],
    ...(found ? ([['Last-Modified', 'Tue, 26 Nov 2024 15:55:00 GMT']] as [string, string][]) : []),
    ['Connection', 'keep-alive'],
    ...(found ? ([['ETag', '"6745ef54-267"'], ['Accept-Ranges', 'bytes']] as [string, string][]) : []),
  ];
  const response = { status: found ? 200 : 404, statusText: found ? 'OK' : 'Not Found', headers, body: req.method === 'HEAD' ? '' : body };
  const sent = req.method === 'HEAD' ? 0 : body.length;
  const log = `${req.clientIP} - - [${accessLogTime(req.now)}] "${req.method} ${req.path} HTTP/1.1" ${response.status} ${sent} "-" "${req.userAgent}" "-"`;
  return { response, log };
}

function httpd(req: HttpRequest): Served {
  const found = req.path === '/' || req.path === '/index.html';
  const body = found ? HTTPD_IT_WORKS : HTTPD_404;
  const headers: [string, string][] = [
    ['Date', httpDate(req.now)],
    ['Server', 'Apache/2.4.62 (Unix)'],
    ...(found ? ([['Last-Modified', 'Mon, 11 Jun 2007 18:53:14 GMT'], ['ETag', '"2d-432a5e4a73a80"'], ['Accept-Ranges', 'bytes']] as [string, string][]) : []),
    ['Content-Length', String(body.length)],
    ['Content-Type', found ? 'text/html' : 'text/html; charset=iso-8859-1'],
  ];
  const response = { status: found ? 200 : 404, statusText: found ? 'OK' : 'Not Found', headers, body: req.method === 'HEAD' ? '' : body };
  const log = `${req.clientIP} - - [${accessLogTime(req.now)}] "${req.method} ${req.path} HTTP/1.1" ${response.status} ${req.method === 'HEAD' ? '-' : body.length}`;
  return { response, log };
}

/**
 * hello is the course's demo server (a small Go program): `/` says who answered and which
 * version, `/healthz` is for probes, and any other path is Go's plain 404, so a probe or a
 * client pointed at the wrong path fails as it would against a real service.
 */
function hello(version: string, req: HttpRequest): Served {
  const path = req.path.split('?')[0];
  const served =
    path === '/' ? plain(req, 200, `hello from ${req.hostname} (${version})\n`) : path === '/healthz' ? plain(req, 200, 'ok\n') : plain(req, 404, '404 page not found\n');
  const t = new Date(req.now).toISOString();
  return { ...served, log: `${t.slice(0, 10).replaceAll('-', '/')} ${t.slice(11, 19)} ${req.clientIP} ${req.method} ${req.path}` };
}

function apiserver(req: HttpRequest): Served {
  if (req.scheme === 'http') return { response: { status: 400, statusText: 'Bad Request', headers: [], body: 'Client sent an HTTP request to an HTTPS server.\n' } };
  const body = `{
  "kind": "Status",
  "apiVersion": "v1",
  "metadata": {},
  "status": "Failure",
  "message": "forbidden: User \\"system:anonymous\\" cannot get path \\"${req.path}\\"",
  "reason": "Forbidden",
  "details": {},
  "code": 403
}`;
  return { response: { status: 403, statusText: 'Forbidden', headers: [['Content-Type', 'application/json']], body } };
}

function plain(req: HttpRequest, status: number, body: string): Served {
  const headers: [string, string][] = [
    ['Content-Type', 'text/plain; charset=utf-8'],
    ['Date', httpDate(req.now)],
    ['Content-Length', String(body.length)],
  ];
  return { response: { status, statusText: status === 200 ? 'OK' : 'Not Found', headers, body: req.method === 'HEAD' ? '' : body } };
}
