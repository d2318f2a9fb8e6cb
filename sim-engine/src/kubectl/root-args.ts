/**
 * How kubectl's root command finds the verb among its arguments. Global (persistent) flags may
 * come before the verb (`kubectl -n dev get pods`); cobra finds the verb by skipping flags, and
 * it assumes that any flag it does not know as a boolean of the root command takes the next
 * word as its value. So `kubectl -A get pods` reads `get` as -A's value, finds no command
 * `pods`, and kubectl's plugin lookup then refuses flags placed before a plugin name.
 */

/** ROOT_BOOL_FLAGS are kubectl's global flags that take no value: the only ones cobra skips alone. */
const ROOT_BOOL_FLAGS = new Set(['help', 'h', 'disable-compression', 'insecure-skip-tls-verify', 'match-server-version', 'warnings-as-errors']);

/** RootParse is what kubectl's root command makes of its arguments. */
export type RootParse =
  /** A verb at `args[at]`; the other arguments are its flags and arguments. */
  | { kind: 'verb'; name: string; at: number }
  /** No verb at all: the root command itself runs (help, or a flag error). */
  | { kind: 'root' }
  /** The first word cobra took for a command is none. */
  | { kind: 'unknown'; name: string }
  /** kubectl's plugin lookup refused a line that starts with a flag: `error: flags cannot be placed before plugin name: -A`. */
  | { kind: 'flags-before-plugin'; flag: string };

/** rootCommandWords is cobra's stripFlags on the root command: the indexes of the words that are not flags or flag values. */
function rootCommandWords(args: readonly string[]): number[] {
  const words: number[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--') break;
    if (a.startsWith('--')) {
      if (!a.includes('=') && !ROOT_BOOL_FLAGS.has(a.slice(2))) i++;
      continue;
    }
    if (a.startsWith('-') && a.length > 1) {
      if (a.length === 2 && !ROOT_BOOL_FLAGS.has(a[1]!)) i++;
      continue;
    }
    words.push(i);
  }
  return words;
}

/** parseRoot finds the verb as kubectl 1.32 does, given which names are kubectl commands. */
export function parseRoot(args: readonly string[], isCommand: (name: string) => boolean): RootParse {
  const words = rootCommandWords(args);
  if (words.length === 0) return { kind: 'root' };
  const at = words[0]!;
  const name = args[at]!;
  if (isCommand(name)) return { kind: 'verb', name, at };
  // cobra failed to find a command, so kubectl looks for a plugin named by the leading words.
  const pluginName = args.find((a) => !a.startsWith('-'));
  if (pluginName !== 'help' && args[0]!.startsWith('-')) return { kind: 'flags-before-plugin', flag: args[0]! };
  return { kind: 'unknown', name };
}
