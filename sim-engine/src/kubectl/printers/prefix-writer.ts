/** kubectl describe's PrefixWriter and the label/annotation helpers every describer shares. */

import { compareGoStrings } from './labels.ts';
import { describeWriter, type TabWriter } from './tabwriter.ts';

/** IndentLevel is describe's LEVEL_0..LEVEL_4; each level indents by two spaces. */
export type IndentLevel = 0 | 1 | 2 | 3 | 4;

/** escapeTerminal is printers.EscapeTerminal: ESC becomes `^[` and CR becomes `\r`, so objects cannot drive the terminal. */
export function escapeTerminal(s: string): string {
  return s.replaceAll('\x1b', '^[').replaceAll('\r', '\\r');
}

/** PrefixWriter writes indented, terminal-escaped text into a describe tab writer. */
export class PrefixWriter {
  private readonly out: TabWriter;

  constructor(out: TabWriter = describeWriter()) {
    this.out = out;
  }

  /** write emits text (already formatted) with `level` indentation before its first line only. */
  write(level: IndentLevel, text: string): void {
    this.out.write(escapeTerminal('  '.repeat(level) + text));
  }

  /** writeLine is Go's Fprintln: the parts joined by single spaces, then a newline, unindented. */
  writeLine(...parts: (string | number)[]): void {
    this.out.write(escapeTerminal(`${parts.join(' ')}\n`));
  }

  /** flush aligns what has been written and returns the text produced since the previous flush. */
  flush(): string {
    return this.out.flush();
  }
}

/** printLabelsMultiline prints `Title:\tk=v`, one label a line sorted by key, or `<none>`. */
export function printLabelsMultiline(w: PrefixWriter, title: string, labels?: Readonly<Record<string, string>> | null): void {
  printLabelsMultilineWithIndent(w, '', title, '\t', labels, new Set());
}

/** printLabelsMultilineWithIndent is the general form, used by e.g. the Node describer's taints. */
export function printLabelsMultilineWithIndent(
  w: PrefixWriter,
  initialIndent: string,
  title: string,
  innerIndent: string,
  labels: Readonly<Record<string, string>> | null | undefined,
  skip: ReadonlySet<string>,
): void {
  w.write(0, `${initialIndent}${title}:${innerIndent}`);
  // Unlike formatLabels, describe sorts the keys themselves.
  const keys = Object.keys(labels ?? {})
    .filter((k) => !skip.has(k))
    .sort(compareGoStrings);
  if (keys.length === 0) {
    w.writeLine('<none>');
    return;
  }
  keys.forEach((key, i) => {
    if (i !== 0) {
      w.write(0, initialIndent);
      w.write(0, innerIndent);
    }
    w.write(0, `${key}=${labels![key]}\n`);
  });
}

/** LAST_APPLIED_CONFIG_ANNOTATION is the annotation describe never shows (corev1.LastAppliedConfigAnnotation). */
export const LAST_APPLIED_CONFIG_ANNOTATION = 'kubectl.kubernetes.io/last-applied-configuration';

const MAX_ANNOTATION_LEN = 140;

/** printAnnotationsMultiline prints annotations like labels, breaking long or multi-line values onto their own lines. */
export function printAnnotationsMultiline(
  w: PrefixWriter,
  title: string,
  annotations?: Readonly<Record<string, string>> | null,
): void {
  w.write(0, `${title}:\t`);
  const keys = Object.keys(annotations ?? {})
    .filter((k) => k !== LAST_APPLIED_CONFIG_ANNOTATION)
    .sort(compareGoStrings);
  if (keys.length === 0) {
    w.writeLine('<none>');
    return;
  }
  const indent = '\t';
  keys.forEach((key, i) => {
    if (i !== 0) w.write(0, indent);
    let value = annotations![key]!;
    if (value.endsWith('\n')) value = value.slice(0, -1);
    // Go measures with len(), i.e. UTF-8 bytes, not characters.
    if (utf8Length(value) + utf8Length(key) + 2 > MAX_ANNOTATION_LEN || value.includes('\n')) {
      w.write(0, `${key}:\n`);
      for (const s of value.split('\n')) {
        w.write(0, `${indent}  ${shorten(s, MAX_ANNOTATION_LEN - 2)}\n`);
      }
    } else {
      w.write(0, `${key}: ${value}\n`);
    }
  });
}

/** utf8Length is Go's len() of the string: its size in UTF-8 bytes. */
export function utf8Length(s: string): number {
  let n = 0;
  for (const ch of s) n += utf8Size(ch.codePointAt(0)!);
  return n;
}

function utf8Size(cp: number): number {
  if (cp < 0x80) return 1;
  if (cp < 0x800) return 2;
  // Lone surrogates reach UTF-8 as U+FFFD, three bytes.
  if (cp < 0x10000) return 3;
  return 4;
}

// Go's shorten slices bytes, so it can cut a character in half; a terminal shows the leftover
// bytes as a single U+FFFD, which is what this returns in their place.
function shorten(s: string, maxBytes: number): string {
  if (utf8Length(s) <= maxBytes) return s;
  let out = '';
  let used = 0;
  for (const ch of s) {
    const size = utf8Size(ch.codePointAt(0)!);
    if (used + size > maxBytes) {
      if (used < maxBytes) out += '\uFFFD';
      break;
    }
    out += ch;
    used += size;
  }
  return `${out}...`;
}
