import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkLinks, classify, decodeEntities, pageFacts, runCheckLinks, scanTags } from './check-links.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** site writes a tiny built site (path → HTML or file text) into a temp dir and returns it. */
function site(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'wheelhouse-links-'));
  dirs.push(root);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

const page = (body: string) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>t</title></head><body>${body}</body></html>`;

/** A small site with every kind of good link, one broken link and one broken fragment. */
const fixture = {
  'index.html': page(
    '<a href="/03-pods/01-first/">first</a> <a href="/03-pods/01-first/#run-a-pod">run</a>' +
      '<a href="03-pods/01-first/index.html">relative</a> <a href="#chapters">chapters</a> <h2 id="chapters">Chapters</h2>' +
      '<img src="/favicon.svg" alt=""> <a href="https://kubernetes.io/docs/">k8s</a> <a href="mailto:x@example.com">mail</a>' +
      '<a href="/03-pods/02-missing/">broken</a>',
  ),
  '03-pods/01-first/index.html': page(
    '<h2 id="run-a-pod">Run a pod</h2><a href="../../">home</a><a href="/#chapters">all chapters</a>' +
      '<a href="/03-pods/01-first/#no-such-heading">broken fragment</a><a href="#top">top</a><a href="?q=x#">self</a>' +
      '<script type="module" src="/_astro/page.js"></script><script>const s = "<a href=\\"/in-a-script/\\">";</script>' +
      '<!-- <a href="/in-a-comment/"> -->',
  ),
  '404.html': page('<a href="/">home</a> <a href="https://kubernetes.io/docs/">k8s</a>'),
  'favicon.svg': '<svg xmlns="http://www.w3.org/2000/svg"></svg>',
  '_astro/page.js': 'export {};',
};

describe('scanTags and pageFacts', () => {
  it('reads quoted, unquoted and bare attributes, decoding entities', () => {
    const tags = scanTags('<A HREF=/x/?a=1&amp;b=2 data-x hidden class="a b" title=\'it&#39;s\'>x</A><img src="/y.png"/>');
    expect(tags.map((t) => t.name)).toEqual(['a', 'img']);
    expect(Object.fromEntries(tags[0]!.attrs)).toEqual({ href: '/x/?a=1&b=2', 'data-x': '', hidden: '', class: 'a b', title: "it's" });
    expect(tags[1]!.attrs.get('src')).toBe('/y.png');
  });

  it('skips comments, scripts and styles, and collects ids and anchor names', () => {
    const facts = pageFacts(
      '<!-- <a href="/c/"> --><script>if (a<b) x = "<a href=\'/s/\'>"</script><style>a[href="/t/"]{}</style>' +
        '<h2 id="one">x</h2><a name="two"></a><div name="three"></div><img srcset="/a.png 1x, /b.png 2x"><a href="/ok/">ok</a>',
    );
    expect(facts.links.map((l) => l.url)).toEqual(['/a.png', '/b.png', '/ok/']);
    expect([...facts.ids]).toEqual(['one', 'two']);
  });

  it('decodes numeric and basic named entities', () => {
    expect(decodeEntities('&#x2F;a&#47;b&amp;c&unknown;')).toBe('/a/b&c&unknown;');
  });
});

describe('classify', () => {
  it('tells internal, external and skipped links apart', () => {
    expect(classify('/a/')).toBe('internal');
    expect(classify('../a/')).toBe('internal');
    expect(classify('#x')).toBe('internal');
    expect(classify('https://example.com/')).toBe('external');
    expect(classify('//cdn.example.com/x.js')).toBe('external');
    expect(classify('mailto:a@b.c')).toBe('skip');
    expect(classify('data:image/png;base64,AA')).toBe('skip');
    expect(classify('')).toBe('skip');
  });
});

describe('checkLinks', () => {
  it('catches a broken link and a broken fragment, and nothing else', () => {
    const report = checkLinks(site(fixture));
    expect(report.broken).toEqual([
      { file: join('03-pods', '01-first', 'index.html'), url: '/03-pods/01-first/#no-such-heading', reason: 'no element with id "no-such-heading" on /03-pods/01-first/index.html' },
      { file: 'index.html', url: '/03-pods/02-missing/', reason: 'no built file or directory index for /03-pods/02-missing/' },
    ]);
    expect(report.pages).toBe(3);
    expect([...report.external]).toEqual([['https://kubernetes.io/docs/', ['404.html', 'index.html']]]);
  });

  it('finds a missing fragment on the same page and a missing asset', () => {
    const report = checkLinks(site({ 'index.html': page('<a href="#nope">x</a><img src="img/missing.png" alt="">') }));
    expect(report.broken.map((b) => b.reason)).toEqual(['no element with id "nope" on this page', 'no built file or directory index for /img/missing.png']);
  });

  it('skips the links of pages marked noindex (test fixtures), which stay link targets', () => {
    const fixturePage = `<!doctype html><html><head><meta name="robots" content="noindex"></head><body><a href="/gone/">x</a></body></html>`;
    const report = checkLinks(site({ 'index.html': page('<a href="/dev/fixture/">fixture</a>'), 'dev/fixture/index.html': fixturePage }));
    expect(report).toMatchObject({ pages: 1, broken: [] });
  });

  it('accepts a directory link without its trailing slash and percent-encoded paths and fragments', () => {
    const report = checkLinks(site({ 'index.html': page('<a href="/a%20b">x</a><a href="/a%20b/#caf%C3%A9">y</a>'), 'a b/index.html': page('<h2 id="café">x</h2>') }));
    expect(report.broken).toEqual([]);
  });
});

describe('runCheckLinks', () => {
  const run = (...args: string[]) => {
    let out = '';
    const status = runCheckLinks(args, { write: (t) => (out += t) });
    return { status, out };
  };

  it('reports file and href for every broken link and exits 1', () => {
    const dist = site(fixture);
    const { status, out } = run('--dist', dist);
    expect(status).toBe(1);
    expect(out).toContain(`${join(dist, 'index.html')}: /03-pods/02-missing/ — no built file`);
    expect(out).toContain(`${join(dist, '03-pods', '01-first', 'index.html')}: /03-pods/01-first/#no-such-heading — no element with id "no-such-heading"`);
    expect(out).toContain('External links (listed, not fetched): 1\n  https://kubernetes.io/docs/  (2 pages)');
    expect(out).toContain('✗ 2 broken links');
  });

  it('passes a clean site, and says when there is nothing built', () => {
    expect(run('--dist', site({ 'index.html': page('<a href="/">home</a>') })).status).toBe(0);
    const missing = run('--dist', join(tmpdir(), 'wheelhouse-no-such-dist'));
    expect(missing.status).toBe(2);
    expect(missing.out).toContain('run npm run build first');
  });
});
