/**
 * The cheat sheet's data, taken from the lessons themselves: every ```bash code block of every
 * lesson, cut into commands the way the page shows them (a heredoc, a trailing `\`, `|`, `&&` or
 * `||` keeps the next line with its command, as in src/markdown/code-meta.ts), grouped by chapter
 * and then by command (`kubectl get`, `kubectl describe`, … or the first word), each command
 * listed once, in the chapter of the lesson that shows it first. Pure functions: the page
 * (src/pages/cheat-sheet.astro) feeds in the raw MDX bodies in course order.
 */
import { continuationLines } from '../markdown/code-meta.ts';

/** A lesson as the cheat sheet reads it; give them in course order. */
export interface CheatSheetLesson {
  /** Chapter folder name, e.g. `03-pods`. */
  chapter: string;
  title: string;
  href: string;
  /** The raw MDX (`entry.body`). */
  body: string;
}

/** A chapter heading on the sheet, in course order. */
export interface CheatSheetChapterInfo {
  id: string;
  title: string;
  number: number;
}

export interface CheatSheetCommand {
  /** The command as the lesson shows it; several lines for a heredoc or a continued line. */
  command: string;
  /** The lesson that shows it first. */
  href: string;
  lessonTitle: string;
}

export interface CheatSheetGroup {
  /** `kubectl get`, `kubectl run`, `sleep`, … */
  name: string;
  commands: CheatSheetCommand[];
}

export interface CheatSheetChapter extends CheatSheetChapterInfo {
  groups: CheatSheetGroup[];
}

/** A fenced code block of an MDX body: its info string and its text. */
export interface FencedBlock {
  info: string;
  code: string;
}

const OPEN_FENCE = /^([ \t]*)(`{3,}|~{3,})(.*)$/;

/**
 * fencedBlocks finds the fenced code blocks of a Markdown/MDX text, CommonMark-style: a fence
 * closes only with the same character, at least as long, and nothing after it, so a ```` ```` ````
 * block that shows Markdown keeps the ``` blocks inside it. Frontmatter is skipped; the
 * opening fence's indentation is removed from the block's lines (blocks inside list items).
 */
export function fencedBlocks(text: string): FencedBlock[] {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const blocks: FencedBlock[] = [];
  let i = 0;
  if (lines[0] === '---') {
    const end = lines.indexOf('---', 1);
    if (end > 0) i = end + 1;
  }
  for (; i < lines.length; i++) {
    const open = OPEN_FENCE.exec(lines[i]!);
    if (!open) continue;
    const [, indent = '', fence = '', info = ''] = open;
    if (fence[0] === '`' && info.includes('`')) continue; // an inline code span, not a fence
    const body: string[] = [];
    let j = i + 1;
    for (; j < lines.length; j++) {
      const line = lines[j]!;
      const close = /^[ \t]*(`{3,}|~{3,})[ \t]*$/.exec(line);
      if (close && close[1]![0] === fence[0] && close[1]!.length >= fence.length) break;
      body.push(line.startsWith(indent) ? line.slice(indent.length) : line.trimStart());
    }
    blocks.push({ info: info.trim(), code: body.join('\n') });
    i = j; // an unclosed fence runs to the end of the text, as in CommonMark
  }
  return blocks;
}

/** isBashBlock: the info string starts with the word `bash` (`bash`, `bash run`, `bash run sandbox=x`). */
export function isBashBlock(block: FencedBlock): boolean {
  return /^bash(\s|$)/.test(block.info);
}

/**
 * splitShellCommands cuts a shell block into its commands as the page shows them: each line
 * that does not continue the one before (see continuationLines) starts a command. Blank lines
 * and comment lines between commands are dropped; trailing spaces are trimmed.
 */
export function splitShellCommands(code: string): string[] {
  const lines = code.split('\n').map((l) => l.replace(/\s+$/, ''));
  const continued = continuationLines(lines.join('\n'));
  const out: string[][] = [];
  lines.forEach((line, i) => {
    const last = out[out.length - 1];
    if (continued.has(i + 1) && last) {
      last.push(line);
      return;
    }
    if (line.trim() === '' || line.trimStart().startsWith('#')) return;
    out.push([line.trim()]);
  });
  // A heredoc that is never terminated still ends its command; drop trailing blank lines.
  return out.map((cmd) => {
    while (cmd.length > 1 && cmd[cmd.length - 1]!.trim() === '') cmd.pop();
    return cmd.join('\n');
  });
}

/** kubectl's global flags that take a separate value (`-n kube-system get pods`). */
const KUBECTL_VALUE_FLAGS = new Set(['-n', '--namespace', '--context', '--cluster', '--user', '--kubeconfig', '-s', '--server', '--as', '--request-timeout']);

/**
 * commandGroup names the group a command belongs to: `kubectl` and its verb (`kubectl get`,
 * skipping global flags before it), or the first word. Leading `VAR=value` assignments are skipped.
 */
export function commandGroup(command: string): string {
  const words = (command.split('\n')[0] ?? '').trim().split(/\s+/);
  while (words.length > 1 && /^[A-Za-z_][A-Za-z0-9_]*=/.test(words[0]!)) words.shift();
  const [first = '', ...rest] = words;
  if (first !== 'kubectl') return first;
  for (let k = 0; k < rest.length; k++) {
    const w = rest[k]!;
    if (/^[|;&<>]/.test(w)) break;
    if (w.startsWith('-')) {
      if (KUBECTL_VALUE_FLAGS.has(w)) k++;
      continue;
    }
    return `kubectl ${w}`;
  }
  return 'kubectl';
}

/** The key two commands are the same by: the same lines, with runs of spaces in the first line collapsed. */
function commandKey(command: string): string {
  const [first = '', ...more] = command.split('\n');
  return [first.replace(/\s+/g, ' ').trim(), ...more].join('\n');
}

/**
 * buildCheatSheet lists every distinct command of the lessons' ```bash blocks, in the chapter of
 * the lesson that shows it first, grouped by commandGroup. Groups and commands keep the order
 * the course teaches them in; chapters without commands are left out.
 */
export function buildCheatSheet(chapters: CheatSheetChapterInfo[], lessons: CheatSheetLesson[]): CheatSheetChapter[] {
  const seen = new Set<string>();
  const byChapter = new Map<string, Map<string, CheatSheetCommand[]>>();
  for (const lesson of lessons) {
    for (const block of fencedBlocks(lesson.body).filter(isBashBlock)) {
      for (const command of splitShellCommands(block.code)) {
        const key = commandKey(command);
        if (seen.has(key)) continue;
        seen.add(key);
        let groups = byChapter.get(lesson.chapter);
        if (!groups) byChapter.set(lesson.chapter, (groups = new Map()));
        const name = commandGroup(command);
        let list = groups.get(name);
        if (!list) groups.set(name, (list = []));
        list.push({ command, href: lesson.href, lessonTitle: lesson.title });
      }
    }
  }
  return chapters.flatMap((c) => {
    const groups = byChapter.get(c.id);
    if (!groups) return [];
    return [{ ...c, groups: [...groups].map(([name, commands]) => ({ name, commands })) }];
  });
}
