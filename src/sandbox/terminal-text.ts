/** Text the sandbox itself writes to the terminal: word-wrapped to the width, prompts recoloured. */

const ANSI = /\x1b\[[0-9;?]*[ -/]*[@-~]/g;

/** wrapWords breaks `text` at spaces so no line is wider than `cols` visible characters (ANSI colours do not count). */
export function wrapWords(text: string, cols: number): string {
  if (!(cols > 0)) return text;
  return text
    .split('\r\n')
    .map((line) => {
      const out: string[] = [];
      let current = '';
      let width = 0;
      for (const word of line.split(' ')) {
        const w = [...word.replace(ANSI, '')].length;
        if (width > 0 && width + 1 + w > cols) {
          out.push(current);
          current = word;
          width = w;
        } else {
          current = width === 0 && current === '' ? word : `${current} ${word}`;
          width += (width === 0 ? 0 : 1) + w;
        }
      }
      out.push(current);
      return out.join('\r\n');
    })
    .join('\r\n');
}

/** recolourPrompts gives restored prompt lines (`user@host:dir$ `) bash's colours again, as the live prompt has them. */
export function recolourPrompts(text: string): string {
  return text.replace(/^([a-z_][\w-]*@[\w.-]+):([^\s$]*)\$ /gm, '\x1b[1;32m$1\x1b[0m:\x1b[1;34m$2\x1b[0m$ ');
}
