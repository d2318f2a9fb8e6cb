/**
 * GNU getopt_long in miniature, so the tools accept bundled flags (`-in`), attached values
 * (`-n5`, `--lines=5`), options after operands, and reject what they do not support with
 * the same words as coreutils instead of silently ignoring it.
 */

/** OptionSpec describes a command's options. */
export interface OptionSpec {
  /** flags are short options without a value, e.g. 'ivc'. */
  flags?: string;
  /** values are short options that take a value, e.g. 'en'. */
  values?: string;
  /** long maps a long name to the short option it stands for; a trailing `=` marks one taking a value. */
  long?: Record<string, string>;
  /** stopAtOperand ends option parsing at the first operand, as xargs and timeout need for their command. */
  stopAtOperand?: boolean;
}

/** Options is the parse result: flags seen (with counts), values by option, and operands in order. */
export interface Options {
  flags: Map<string, number>;
  values: Map<string, string[]>;
  operands: string[];
  help: boolean;
}

/** OptionError carries getopt's complaint, e.g. `invalid option -- 'z'`, without the command prefix. */
export class OptionError extends Error {}

/** parseOptions parses `args` per `spec`; it throws OptionError for an unknown option or a missing value. */
export function parseOptions(args: string[], spec: OptionSpec): Options {
  const out: Options = { flags: new Map(), values: new Map(), operands: [], help: false };
  const flags = spec.flags ?? '';
  const values = spec.values ?? '';
  const add = (key: string, value?: string): void => {
    if (value === undefined) out.flags.set(key, (out.flags.get(key) ?? 0) + 1);
    else out.values.set(key, [...(out.values.get(key) ?? []), value]);
  };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--') {
      out.operands.push(...args.slice(i + 1));
      break;
    }
    if (arg === '-' || !arg.startsWith('-')) {
      if (spec.stopAtOperand) {
        out.operands.push(...args.slice(i));
        break;
      }
      out.operands.push(arg);
      continue;
    }
    if (arg.startsWith('--')) {
      const eq = arg.indexOf('=');
      const name = arg.slice(2, eq < 0 ? undefined : eq);
      if (name === 'help') {
        out.help = true;
        continue;
      }
      const entry = Object.entries(spec.long ?? {}).find(([long]) => long.replace(/=$/, '') === name);
      if (!entry) throw new OptionError(`unrecognized option '${arg}'`);
      const [long, key] = entry;
      if (!long.endsWith('=')) {
        if (eq >= 0) throw new OptionError(`option '--${name}' doesn't allow an argument`);
        add(key);
      } else if (eq >= 0) {
        add(key, arg.slice(eq + 1));
      } else if (i + 1 < args.length) {
        add(key, args[++i]!);
      } else {
        throw new OptionError(`option '--${name}' requires an argument`);
      }
      continue;
    }
    for (let j = 1; j < arg.length; j++) {
      const c = arg[j]!;
      if (values.includes(c)) {
        const rest = arg.slice(j + 1);
        if (rest !== '') add(c, rest);
        else if (i + 1 < args.length) add(c, args[++i]!);
        else throw new OptionError(`option requires an argument -- '${c}'`);
        break;
      }
      if (!flags.includes(c)) throw new OptionError(`invalid option -- '${c}'`);
      add(c);
    }
  }
  return out;
}

/** last is the final value given for option `key`, as repeated options override earlier ones. */
export function last(opts: Options, key: string): string | undefined {
  const list = opts.values.get(key);
  return list?.[list.length - 1];
}
