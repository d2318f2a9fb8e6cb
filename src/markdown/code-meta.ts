/**
 * What a fenced code block's info string says after its language: ```` ```bash run ````,
 * ```` ```bash run sandbox=second ````, ```` ```yaml file=web.yaml ````.
 */

/** CodeMeta is the parsed meta of one code block. */
export interface CodeMeta {
  /** `run`: the block is a notebook cell the learner can run. */
  run: boolean;
  /** `sandbox=NAME`: the sandbox the cell runs in, instead of the lesson's own. */
  sandbox?: string;
  /** `file=NAME`: the file a YAML block is saved as when opened in the editor or applied. */
  file?: string;
}

/** parseCodeMeta reads `run`, `sandbox=` and `file=` (values may be quoted); other words are ignored. */
export function parseCodeMeta(raw: string | undefined): CodeMeta {
  const meta: CodeMeta = { run: false };
  const re = /([\w-]+)(?:=(?:"([^"]*)"|'([^']*)'|(\S+)))?/g;
  for (let m = re.exec(raw ?? ''); m; m = re.exec(raw ?? '')) {
    const key = m[1]!;
    const value = m[2] ?? m[3] ?? m[4];
    if (key === 'run' && value === undefined) meta.run = true;
    else if (key === 'sandbox' && value) meta.sandbox = value;
    else if (key === 'file' && value) meta.file = value;
  }
  return meta;
}

/** cellHash is a short stable hash of a cell's code; with its order among equal cells it names the cell's saved output. */
export function cellHash(code: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < code.length; i++) {
    h ^= code.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(36);
}

/** manifestFileName guesses a file name for a YAML manifest: `<metadata.name>.yaml`, or undefined when it is not a manifest. */
export function manifestFileName(code: string): string | undefined {
  if (!/^apiVersion:/m.test(code) || !/^kind:/m.test(code)) return undefined;
  const m = /^metadata:\s*\n(?:[ \t]+.*\n)*?[ \t]+name:[ \t]*["']?([a-z0-9][a-z0-9.-]*)["']?[ \t]*$/m.exec(code);
  return m ? `${m[1]}.yaml` : 'manifest.yaml';
}

/**
 * continuationLines returns the 1-based numbers of the lines of a shell block that continue a
 * command rather than start one: heredoc bodies and terminators, and lines after a trailing
 * `\`, `|`, `&&` or `||`. The page shows them with bash's `> ` prompt instead of `$ `.
 */
export function continuationLines(code: string): Set<number> {
  const out = new Set<number>();
  const lines = code.split('\n');
  const pending: { delim: string; strip: boolean }[] = [];
  let continued = false;
  lines.forEach((line, i) => {
    const n = i + 1;
    if (pending.length) {
      out.add(n);
      const h = pending[0]!;
      if ((h.strip ? line.replace(/^\t+/, '') : line) === h.delim) pending.shift();
      return;
    }
    if (continued) out.add(n);
    for (const m of line.matchAll(/<<(-?)\s*(['"]?)([\w.-]+)\2/g)) pending.push({ delim: m[3]!, strip: m[1] === '-' });
    continued = /(\\|\||&&)\s*$/.test(line);
  });
  return out;
}
