/**
 * npm run check:links — walks the built site (dist/) and fails on every internal link that
 * leads nowhere: an `href` or `src` (or `srcset` entry) starting with `/` or relative that does
 * not resolve to a built file or a directory's index.html, and every `#fragment` with no element
 * of that id (or `<a name>`) on the target page. External links (http:, https:, //) are listed,
 * not fetched. Exits 1 on any broken link.
 *
 *   npm run check:links -- [--dist DIR] [--quiet]
 *
 * No HTML parser is among the dependencies, so this reads tags with a small scanner that skips
 * comments and the contents of <script>, <style>, <textarea> and <title>, and decodes entities.
 */
import { existsSync, readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const USAGE = 'usage: check-links [--dist DIR] [--quiet]\n';

/** A tag's name and attributes (names lower-cased, values entity-decoded). */
export interface Tag {
  name: string;
  attrs: Map<string, string>;
}

/** A link found in a page. */
export interface Link {
  /** The attribute it came from: href, src, srcset. */
  attr: string;
  /** The value as written (decoded from HTML entities). */
  url: string;
}

/** A broken link: the page it is on (relative to the dist folder), the link, and why. */
export interface Broken {
  file: string;
  url: string;
  reason: string;
}

export interface LinkReport {
  pages: number;
  links: number;
  broken: Broken[];
  /** External URLs and the pages (relative paths) that link to them. */
  external: Map<string, string[]>;
}

const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title']);
const NAMED_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/** decodeEntities decodes numeric character references and the few named ones URLs use. */
export function decodeEntities(value: string): string {
  return value.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, ref: string) => {
    if (ref[0] === '#') {
      const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED_ENTITIES[ref.toLowerCase()] ?? whole;
  });
}

/** scanTags returns the start tags of an HTML document in order. */
export function scanTags(html: string): Tag[] {
  const tags: Tag[] = [];
  let i = 0;
  while (i < html.length) {
    const lt = html.indexOf('<', i);
    if (lt < 0) break;
    if (html.startsWith('<!--', lt)) {
      const end = html.indexOf('-->', lt + 4);
      i = end < 0 ? html.length : end + 3;
      continue;
    }
    if (html[lt + 1] === '!' || html[lt + 1] === '?' || html[lt + 1] === '/') {
      const end = html.indexOf('>', lt + 1);
      i = end < 0 ? html.length : end + 1;
      continue;
    }
    const nameMatch = /^[a-zA-Z][^\s/>]*/.exec(html.slice(lt + 1, lt + 200));
    if (!nameMatch) {
      i = lt + 1;
      continue;
    }
    const name = nameMatch[0].toLowerCase();
    const attrs = new Map<string, string>();
    let p = lt + 1 + nameMatch[0].length;
    // Attributes: name, name=value, name="value", name='value'; up to > (or /> ).
    const attrRe = /\s*([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?|\s*\/(?!>)/y;
    for (;;) {
      while (p < html.length && /\s/.test(html[p]!)) p++;
      if (p >= html.length || html[p] === '>' || html.startsWith('/>', p)) break;
      attrRe.lastIndex = p;
      const m = attrRe.exec(html);
      if (!m || m[0].length === 0) {
        p++;
        continue;
      }
      p = attrRe.lastIndex;
      if (m[1] === undefined) continue;
      const key = m[1].toLowerCase();
      if (!attrs.has(key)) attrs.set(key, decodeEntities(m[2] ?? m[3] ?? m[4] ?? ''));
    }
    const close = html.indexOf('>', p);
    i = close < 0 ? html.length : close + 1;
    tags.push({ name, attrs });
    if (RAW_TEXT.has(name)) {
      const end = html.toLowerCase().indexOf(`</${name}`, i);
      i = end < 0 ? html.length : end;
    }
  }
  return tags;
}

/** pageFacts reads a page's links and the fragment targets it defines (ids, and names of <a>). */
export function pageFacts(html: string): { links: Link[]; ids: Set<string>; noindex: boolean } {
  const links: Link[] = [];
  const ids = new Set<string>();
  let noindex = false;
  for (const tag of scanTags(html)) {
    if (tag.name === 'meta' && tag.attrs.get('name')?.toLowerCase() === 'robots' && /\bnoindex\b/i.test(tag.attrs.get('content') ?? '')) noindex = true;
    const id = tag.attrs.get('id');
    if (id) ids.add(id);
    const name = tag.attrs.get('name');
    if (tag.name === 'a' && name) ids.add(name);
    for (const attr of ['href', 'src', 'xlink:href']) {
      const url = tag.attrs.get(attr);
      if (url !== undefined) links.push({ attr, url: url.trim() });
    }
    const srcset = tag.attrs.get('srcset');
    if (srcset && !srcset.trim().startsWith('data:')) {
      for (const candidate of srcset.split(',')) {
        const url = candidate.trim().split(/\s+/)[0];
        if (url) links.push({ attr: 'srcset', url });
      }
    }
  }
  return { links, ids, noindex };
}

/** What kind of link a URL is: checked here, external (listed), or something to skip (mailto:, data:, …). */
export function classify(url: string): 'internal' | 'external' | 'skip' {
  if (url === '') return 'skip';
  if (/^(https?:)?\/\//i.test(url)) return 'external';
  if (/^[a-z][a-z0-9+.-]*:/i.test(url)) return 'skip';
  return 'internal';
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

function listHtmlFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...listHtmlFiles(path));
    else if (entry.isFile() && entry.name.endsWith('.html')) out.push(path);
  }
  return out.sort();
}

/** The URL path a built file is served at: `03-pods/01-x/index.html` → `/03-pods/01-x/index.html`. */
function urlPathOf(rel: string): string {
  return '/' + rel.split(sep).join('/');
}

/**
 * checkLinks checks every HTML page under `dist`. A link resolves to a file, or to a directory
 * with an index.html; its fragment must be an id on that page (an empty fragment and `#top`
 * always work, as in browsers). Fragments on non-HTML targets are not checked.
 */
export function checkLinks(dist: string): LinkReport {
  const files = listHtmlFiles(dist);
  const facts = new Map<string, ReturnType<typeof pageFacts>>();
  const factsOf = (file: string) => {
    let f = facts.get(file);
    if (!f) facts.set(file, (f = pageFacts(readFileSync(file, 'utf8'))));
    return f;
  };
  /** The built file a URL path names, or undefined. */
  const resolveFile = (path: string): string | undefined => {
    const local = join(dist, ...path.split('/').filter(Boolean));
    if (!local.startsWith(dist)) return undefined;
    if (!path.endsWith('/') && existsSync(local) && statSync(local).isFile()) return local;
    const index = join(local, 'index.html');
    return existsSync(index) && statSync(index).isFile() ? index : undefined;
  };

  const report: LinkReport = { pages: 0, links: 0, broken: [], external: new Map() };
  for (const file of files) {
    // Test fixtures (src/pages/dev/) say noindex: they are not part of the course, so their own links are not checked.
    if (factsOf(file).noindex) continue;
    report.pages++;
    const rel = relative(dist, file);
    const base = new URL(urlPathOf(rel), 'http://site.invalid');
    for (const { url } of factsOf(file).links) {
      const kind = classify(url);
      if (kind === 'skip') continue;
      report.links++;
      if (kind === 'external') {
        const pages = report.external.get(url) ?? [];
        if (!pages.includes(rel)) pages.push(rel);
        report.external.set(url, pages);
        continue;
      }
      let target: URL;
      try {
        target = new URL(url, base);
      } catch {
        report.broken.push({ file: rel, url, reason: 'not a valid URL' });
        continue;
      }
      if (target.origin !== base.origin) {
        report.broken.push({ file: rel, url, reason: 'leaves the site' });
        continue;
      }
      const samePage = url.startsWith('#');
      const targetFile = samePage ? file : resolveFile(safeDecode(target.pathname));
      if (!targetFile) {
        report.broken.push({ file: rel, url, reason: `no built file or directory index for ${safeDecode(target.pathname)}` });
        continue;
      }
      const fragment = safeDecode(target.hash.slice(1));
      if (fragment === '' || fragment === 'top' || !targetFile.endsWith('.html')) continue;
      if (!factsOf(targetFile).ids.has(fragment)) {
        const where = samePage ? 'this page' : urlPathOf(relative(dist, targetFile));
        report.broken.push({ file: rel, url, reason: `no element with id "${fragment}" on ${where}` });
      }
    }
  }
  return report;
}

/** Out is where the report goes. */
export interface Out {
  write(text: string): void;
}

/** runCheckLinks checks the built site and returns the exit status. */
export function runCheckLinks(argv: string[], out: Out = process.stdout): number {
  let values;
  try {
    ({ values } = parseArgs({ args: argv, options: { dist: { type: 'string', default: 'dist' }, quiet: { type: 'boolean', short: 'q' }, help: { type: 'boolean', short: 'h' } } }));
  } catch (e) {
    out.write(`check-links: ${(e as Error).message}\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    out.write(USAGE);
    return 0;
  }
  if (!existsSync(values.dist) || !statSync(values.dist).isDirectory()) {
    out.write(`check-links: ${values.dist} is not a folder; run npm run build first\n`);
    return 2;
  }
  const dist = realpathSync(values.dist);
  const report = checkLinks(dist);
  if (report.external.size > 0 && !values.quiet) {
    out.write(`External links (listed, not fetched): ${report.external.size}\n`);
    for (const [url, pages] of [...report.external].sort(([a], [b]) => a.localeCompare(b))) {
      out.write(`  ${url}  (${pages.length === 1 ? pages[0] : `${pages.length} pages`})\n`);
    }
  }
  for (const b of report.broken) out.write(`✗ ${join(values.dist, b.file)}: ${b.url} — ${b.reason}\n`);
  const summary = `${report.pages} pages, ${report.links} links`;
  if (report.broken.length > 0) {
    out.write(`✗ ${report.broken.length} broken link${report.broken.length === 1 ? '' : 's'} (${summary})\n`);
    return 1;
  }
  out.write(`✓ no broken links (${summary})\n`);
  return 0;
}

if (process.argv[1] && realpathSync(process.argv[1]) === realpathSync(fileURLToPath(import.meta.url))) {
  process.exitCode = runCheckLinks(process.argv.slice(2));
}
