/** What is on disk in the sandbox's images: enough of each for `ls`, `cat` and `env` to look right. */
import { NGINX_WELCOME } from '../../../network/servers.ts';

/** ImageFamily is the base an image is built on, which decides its tools, shell and messages. */
export type ImageFamily = 'debian' | 'busybox' | 'alpine' | 'distroless';

/** ImageProfile describes one image: its base, its PATH-visible tools, its environment, working directory and files. */
export interface ImageProfile {
  family: ImageFamily;
  tools: ReadonlySet<string>;
  env: [string, string][];
  workdir: string;
  files: Record<string, string>;
  dirs: string[];
}

const PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';
const CORE = ['cat', 'date', 'echo', 'env', 'false', 'hostname', 'id', 'ls', 'printenv', 'pwd', 'sh', 'sleep', 'true', 'uname', 'whoami'];


const NGINX_50X = `<!DOCTYPE html>
<html>
<head>
<title>Error</title>
<style>
html { color-scheme: light dark; }
body { width: 35em; margin: 0 auto;
font-family: Tahoma, Verdana, Arial, sans-serif; }
</style>
</head>
<body>
<h1>An error occurred.</h1>
<p>Sorry, the page you are looking for is currently unavailable.<br/>
Please try again later.</p>
<p>If you are the system administrator of this resource then you should check
the error log for details.</p>
<p><em>Faithfully yours, nginx.</em></p>
</body>
</html>
`;

const NGINX_DEFAULT_CONF = `server {
    listen       80;
    listen  [::]:80;
    server_name  localhost;

    #access_log  /var/log/nginx/host.access.log  main;

    location / {
        root   /usr/share/nginx/html;
        index  index.html index.htm;
    }

    #error_page  404              /404.html;

    # redirect server error pages to the static page /50x.html
    #
    error_page   500 502 503 504  /50x.html;
    location = /50x.html {
        root   /usr/share/nginx/html;
    }
}
`;

const NGINX_CONF = `
user  nginx;
worker_processes  auto;

error_log  /var/log/nginx/error.log notice;
pid        /var/run/nginx.pid;


events {
    worker_connections  1024;
}


http {
    include       /etc/nginx/mime.types;
    default_type  application/octet-stream;

    log_format  main  '$remote_addr - $remote_user [$time_local] "$request" '
                      '$status $body_bytes_sent "$http_referer" '
                      '"$http_user_agent" "$http_x_forwarded_for"';

    access_log  /var/log/nginx/access.log  main;

    sendfile        on;
    #tcp_nopush     on;

    keepalive_timeout  65;

    #gzip  on;

    include /etc/nginx/conf.d/*.conf;
}
`;

const DEBIAN_RELEASE = `PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"
NAME="Debian GNU/Linux"
VERSION_ID="12"
VERSION="12 (bookworm)"
VERSION_CODENAME=bookworm
ID=debian
HOME_URL="https://www.debian.org/"
SUPPORT_URL="https://www.debian.org/support"
BUG_REPORT_URL="https://bugs.debian.org/"
`;

const ALPINE_RELEASE = `NAME="Alpine Linux"
ID=alpine
VERSION_ID=3.21.2
PRETTY_NAME="Alpine Linux v3.21"
HOME_URL="https://alpinelinux.org/"
BUG_REPORT_URL="https://gitlab.alpinelinux.org/alpine/aports/-/issues"
`;

const DEBIAN_DIRS = ['/bin', '/boot', '/dev', '/etc', '/home', '/lib', '/lib64', '/media', '/mnt', '/opt', '/proc', '/root', '/run', '/sbin', '/srv', '/sys', '/tmp', '/usr', '/usr/bin', '/usr/local', '/usr/share', '/var', '/var/log'];
const BUSYBOX_DIRS = ['/bin', '/dev', '/etc', '/home', '/lib', '/lib64', '/proc', '/root', '/sys', '/tmp', '/usr', '/var'];
const ALPINE_DIRS = ['/bin', '/dev', '/etc', '/home', '/lib', '/media', '/mnt', '/opt', '/proc', '/root', '/run', '/sbin', '/srv', '/sys', '/tmp', '/usr', '/var'];

const NGINX_VERSIONS: Record<string, string> = { '1.27': '1.27.3', '1.26': '1.26.2', '1.25': '1.25.5', '1.24': '1.24.0', '1.23': '1.23.4', latest: '1.27.3', alpine: '1.27.3' };

/** imageProfile describes the image a container runs, by its normalised repository and tag. */
export function imageProfile(repository: string, tag: string): ImageProfile {
  const name = repository.split('/').pop() ?? '';
  if (repository.startsWith('registry.k8s.io/')) {
    return { family: 'distroless', tools: new Set([name]), env: [['PATH', PATH]], workdir: '/', files: {}, dirs: ['/bin', '/dev', '/etc', '/proc', '/sys', '/tmp', '/usr', '/var'] };
  }
  if (name === 'busybox') {
    return { family: 'busybox', tools: new Set([...CORE, 'ip', 'nslookup', 'ping', 'ps', 'wget']), env: [['PATH', PATH]], workdir: '/', files: {}, dirs: BUSYBOX_DIRS };
  }
  if (name === 'alpine' || name === 'hello' || tag.includes('alpine')) {
    const files: Record<string, string> = { '/etc/os-release': ALPINE_RELEASE, '/etc/alpine-release': '3.21.2\n' };
    const env: [string, string][] = [['PATH', PATH]];
    if (name === 'nginx') {
      Object.assign(files, { '/usr/share/nginx/html/index.html': NGINX_WELCOME, '/usr/share/nginx/html/50x.html': NGINX_50X, '/etc/nginx/nginx.conf': NGINX_CONF, '/etc/nginx/conf.d/default.conf': NGINX_DEFAULT_CONF });
      env.push(['NGINX_VERSION', NGINX_VERSIONS[tag.replace(/-alpine$/, '')] ?? '1.27.3'], ['PKG_RELEASE', '1']);
    }
    return { family: 'alpine', tools: new Set([...CORE, 'ip', 'nslookup', 'ping', 'ps', 'wget', ...(name === 'nginx' ? ['curl', 'nginx'] : [])]), env, workdir: '/', files, dirs: ALPINE_DIRS };
  }
  const files: Record<string, string> = { '/etc/os-release': DEBIAN_RELEASE, '/etc/debian_version': '12.8\n' };
  const env: [string, string][] = [['PATH', PATH]];
  const tools = new Set([...CORE, 'bash']);
  const dirs = [...DEBIAN_DIRS];
  let workdir = '/';
  if (name === 'nginx') {
    Object.assign(files, {
      '/usr/share/nginx/html/index.html': NGINX_WELCOME,
      '/usr/share/nginx/html/50x.html': NGINX_50X,
      '/etc/nginx/nginx.conf': NGINX_CONF,
      '/etc/nginx/conf.d/default.conf': NGINX_DEFAULT_CONF,
      '/docker-entrypoint.sh': '#!/bin/sh\n# vim:sw=4:ts=4:et\n\nset -e\n',
    });
    dirs.push('/docker-entrypoint.d');
    env.push(['NGINX_VERSION', NGINX_VERSIONS[tag] ?? '1.27.3'], ['NJS_VERSION', '0.8.7'], ['NJS_RELEASE', '1~bookworm'], ['PKG_RELEASE', '1~bookworm'], ['DYNPKG_RELEASE', '1~bookworm']);
    tools.add('curl').add('nginx');
  } else if (name === 'httpd') {
    files['/usr/local/apache2/htdocs/index.html'] = '<html><body><h1>It works!</h1></body></html>\n';
    env[0] = ['PATH', `/usr/local/apache2/bin:${PATH}`];
    env.push(['HTTPD_PREFIX', '/usr/local/apache2'], ['HTTPD_VERSION', '2.4.62']);
    workdir = '/usr/local/apache2';
    tools.add('httpd');
  } else if (name === 'redis') {
    dirs.push('/data');
    env.push(['GOSU_VERSION', '1.17'], ['REDIS_VERSION', '7.4.1']);
    workdir = '/data';
    tools.add('redis-cli').add('redis-server');
  }
  return { family: 'debian', tools, env, workdir, files, dirs };
}
