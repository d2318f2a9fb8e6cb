/**
 * codeCells is a Shiki transformer (Shiki runs inside Astro's Markdown/MDX pipeline, the only
 * step that sees a code block's info string). It wraps every highlighted block in a frame with
 * a toolbar, marked with data attributes for the notebook script:
 * every block gets Copy; ```` ```bash run ```` blocks become runnable cells (Run, Run all above,
 * an execution counter and an output area); YAML manifests get Open in editor and Apply.
 * The static HTML stays readable without JavaScript: the toolbar is hidden there by CSS.
 */
import type { Element, ElementContent } from 'hast';
import type { ShikiTransformer } from 'shiki';
import { cellHash, continuationLines, manifestFileName, parseCodeMeta } from './code-meta.ts';

/** codeCells returns the transformer; add it to `markdown.shikiConfig.transformers`. */
export function codeCells(): ShikiTransformer {
  return {
    name: 'wheelhouse:code-cells',
    line(node, line) {
      const lang = String(this.options.lang ?? '');
      if (lang !== 'bash' && lang !== 'sh' && lang !== 'shell') return;
      // Computed once per block: the transformer context is per highlight call.
      const ctx = this as unknown as { continued?: Set<number> };
      ctx.continued ??= continuationLines(this.source);
      if (ctx.continued.has(line)) this.addClassToHast(node, 'is-continued');
    },
    root(root) {
      const pre = root.children.find((c): c is Element => c.type === 'element' && c.tagName === 'pre');
      if (!pre) return;
      const lang = String(this.options.lang ?? 'text');
      const raw = (this.options.meta as { __raw?: string } | undefined)?.__raw;
      root.children = root.children.map((c) => (c === pre ? wrapBlock(pre, this.source, lang, raw) : c));
    },
  };
}

/** wrapBlock builds the frame, toolbar and output area around one highlighted `<pre>`. */
export function wrapBlock(pre: Element, code: string, lang: string, rawMeta: string | undefined): Element {
  const meta = parseCodeMeta(rawMeta);
  const shell = lang === 'bash' || lang === 'sh' || lang === 'shell' || lang === 'console';
  const cell = meta.run && shell;
  const manifest = lang === 'yaml' || lang === 'yml' ? (meta.file ?? manifestFileName(code)) : undefined;
  const tools: ElementContent[] = [];
  if (cell) {
    tools.push(
      el('span', { class: 'cell-count', dataCellCount: '', ariaHidden: 'true' }, '[ ]'),
      button('run', 'Run', 'Run this cell in the sandbox (Shift+Enter)', true),
      button('run-above', 'Run all above', 'Run every cell above this one, in order', true),
    );
    if (meta.sandbox) tools.push(el('span', { class: 'cell-sandbox', dataNeedsSandbox: '' }, `in ${meta.sandbox}`));
  }
  if (manifest) {
    tools.push(button('open', 'Open in editor', `Open as ${manifest} in the sandbox editor`, true), button('apply', 'Apply', `Save as ${manifest} and run kubectl apply -f ${manifest}`, true));
  }
  tools.push(button('copy', 'Copy', 'Copy to the clipboard', false));
  const classes = ['code-block', cell ? 'code-block--cell' : '', manifest ? 'code-block--manifest' : '', tools.length > 1 ? 'code-block--bar' : ''].filter(Boolean).join(' ');
  const children: ElementContent[] = [el('div', { class: 'code-block__tools', dataCellTools: '' }, ...tools), pre];
  if (cell) children.push(el('div', { class: 'cell-output', dataCellOutput: '', hidden: true }));
  return el(
    'div',
    {
      class: classes,
      dataCodeBlock: '',
      dataLang: lang,
      ...(cell ? { dataRun: '', dataCellHash: cellHash(code), ...(meta.sandbox ? { dataSandbox: meta.sandbox } : {}) } : {}),
      ...(manifest ? { dataFile: manifest } : {}),
    },
    ...children,
  );
}

function button(action: string, label: string, title: string, needsSandbox: boolean): Element {
  const glyph = action === 'run' ? [el('span', { class: 'code-block__glyph', ariaHidden: 'true' }, '▶'), text(' ')] : [];
  return el(
    'button',
    { type: 'button', class: `code-block__button code-block__button--${action}`, dataCellAction: action, title, ...(needsSandbox ? { dataNeedsSandbox: '' } : {}) },
    ...glyph,
    text(label),
  );
}

function el(tagName: string, properties: Element['properties'], ...children: (ElementContent | string)[]): Element {
  return { type: 'element', tagName, properties, children: children.map((c) => (typeof c === 'string' ? text(c) : c)) };
}

function text(value: string): ElementContent {
  return { type: 'text', value };
}

