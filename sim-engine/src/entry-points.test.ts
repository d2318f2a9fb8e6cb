import { readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = dirname(new URL(import.meta.url).pathname);

// Static value imports and re-exports; `import type`/`export type` vanish at build time, and
// dynamic import() is how code is meant to leave an entry's first load.
const STATIC = /^\s*(?:import|export)\s+(?!type\s)(?:[^'";]*?\sfrom\s+)?['"]([^'"]+)['"]/gm;

/** graph walks the static imports from `entry`: the engine's own files it loads and the packages it reaches. */
function graph(entry: string): { files: Set<string>; packages: Set<string> } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const visit = (file: string): void => {
    if (files.has(file)) return;
    files.add(file);
    for (const [, spec] of readFileSync(file, 'utf8').matchAll(STATIC)) {
      if (spec!.startsWith('.')) visit(join(dirname(file), spec!));
      else packages.add(spec!);
    }
  };
  visit(join(SRC, entry));
  return { files: new Set([...files].map((f) => relative(SRC, f))), packages };
}

describe('entry points', () => {
  it('index.ts, which the browser loads, brings in no schema or YAML library', () => {
    expect([...graph('index.ts').packages]).toEqual([]);
  });

  it("index.ts leaves kubectl's verbs to load on first use", () => {
    const files = graph('index.ts').files;
    expect(files.has('kubectl/verbs.ts')).toBe(true);
    // exec/ is the containers' userland: the kubelet runs exec probes and container scripts with it too.
    expect([...files].filter((f) => f.startsWith('kubectl/commands/') && f !== 'kubectl/commands/kubeconfig.ts' && !f.startsWith('kubectl/commands/exec/'))).toEqual([]);
  });

  it("index.ts leaves the shell's text tools (awk, sed, grep, …) to load on first use", () => {
    const files = graph('index.ts').files;
    expect(files.has('shell/tools/lazy-tools.ts')).toBe(true);
    expect([...files].filter((f) => /^shell\/tools\/(awk|sed|grep|sort|cut|tr|wc|xargs|tee|seq|head-tail|base64|regex)/.test(f))).toEqual([]);
  });

  // The go-yaml decoder (about 11 KB gzip) is reached too, through the kubeconfig reader
  // (kubectl/request-context.ts imports kubeconfig-file.ts); only its stream splitter stays out.
  it('index.ts leaves the API schema and its docs to kubectl and the editor (manifests.ts)', () => {
    const files = graph('index.ts').files;
    expect([...files].filter((f) => f.startsWith('api/schema/') || f === 'kubectl/goyaml/index.ts')).toEqual([]);
    expect(graph('manifests.ts').files.has('kubectl/goyaml/index.ts')).toBe(true);
  });

  it('index.ts leaves exercise grading to its own entry (grading.ts), loaded when an exercise starts', () => {
    expect([...graph('index.ts').files].filter((f) => f.startsWith('checks/'))).toEqual([]);
    expect([...graph('grading.ts').packages]).toEqual([]);
  });

  it('validate.ts holds the schemas', () => {
    expect([...graph('validate.ts').packages].sort()).toEqual(['yaml', 'zod']);
  });
});
