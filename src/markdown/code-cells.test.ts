import { describe, expect, it } from 'vitest';
import { codeToHtml } from 'shiki';
import { codeCells } from './code-cells.ts';
import { cellHash, continuationLines, manifestFileName, parseCodeMeta } from './code-meta.ts';

describe('parseCodeMeta', () => {
  it('reads run, sandbox= and file=', () => {
    expect(parseCodeMeta(undefined)).toEqual({ run: false });
    expect(parseCodeMeta('run')).toEqual({ run: true });
    expect(parseCodeMeta('run sandbox=second')).toEqual({ run: true, sandbox: 'second' });
    expect(parseCodeMeta('title="x y" file="web.yaml"')).toEqual({ run: false, file: 'web.yaml' });
    expect(parseCodeMeta('running=yes')).toEqual({ run: false });
  });
});

describe('cellHash and manifestFileName', () => {
  it('hashes stably and differently', () => {
    expect(cellHash('kubectl get pods')).toBe(cellHash('kubectl get pods'));
    expect(cellHash('kubectl get pods')).not.toBe(cellHash('kubectl get nodes'));
  });

  it('names a manifest after metadata.name', () => {
    expect(manifestFileName('apiVersion: v1\nkind: Pod\nmetadata:\n  labels:\n    app: web\n  name: web\nspec: {}\n')).toBe('web.yaml');
    expect(manifestFileName('title: Pods\nnumber: 3\n')).toBeUndefined();
  });
});

describe('continuationLines', () => {
  it('marks heredoc bodies and continued lines', () => {
    expect([...continuationLines('kubectl get pods')]).toEqual([]);
    expect([...continuationLines("cat <<'EOF' > a.yaml\nkind: Pod\nEOF\nkubectl apply -f a.yaml")]).toEqual([2, 3]);
    expect([...continuationLines('kubectl run web \\\n  --image=nginx\nkubectl get pods |\n  grep web')]).toEqual([2, 4]);
    expect([...continuationLines('cat <<-END\n\tx\n\tEND\necho')]).toEqual([2, 3]);
  });
});

describe('codeCells transformer', () => {
  const render = (code: string, lang: string, meta?: string) =>
    codeToHtml(code, { lang, theme: 'github-light', meta: meta ? { __raw: meta } : undefined, transformers: [codeCells()] });

  it('turns a bash run block into a runnable cell with an output area', async () => {
    const html = await render('kubectl get pods', 'bash', 'run');
    expect(html).toMatch(/^<div class="code-block code-block--cell code-block--bar" data-code-block="" data-lang="bash" data-run="" data-cell-hash="[0-9a-z]+">/);
    expect(html).toContain('data-cell-action="run"');
    expect(html).toContain('data-cell-action="run-above"');
    expect(html).toContain('<div class="cell-output" data-cell-output="" hidden></div>');
    expect(html).toContain('<span class="line">');
  });

  it('names another sandbox', async () => {
    const html = await render('ls', 'bash', 'run sandbox=second');
    expect(html).toContain('data-sandbox="second"');
    expect(html).toContain('>in second</span>');
  });

  it('marks continuation lines of shell blocks', async () => {
    const html = await render('cat <<EOF > a\nx\nEOF\nls', 'bash', 'run');
    expect(html.match(/class="line is-continued"/g)).toHaveLength(2);
  });

  it('gives every block Copy, and plain blocks nothing else', async () => {
    const html = await render('NAME   READY', 'text');
    expect(html).toContain('data-cell-action="copy"');
    expect(html).not.toContain('data-run');
    expect(html).not.toContain('code-block--bar');
  });

  it('gives YAML manifests Open in editor and Apply', async () => {
    const html = await render('apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n', 'yaml');
    expect(html).toContain('data-file="web.yaml"');
    expect(html).toContain('data-cell-action="open"');
    expect(html).toContain('data-cell-action="apply"');
    expect(await render('a: 1\n', 'yaml')).not.toContain('data-cell-action="apply"');
  });
});
