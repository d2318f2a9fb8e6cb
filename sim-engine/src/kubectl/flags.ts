/**
 * A command-line parser with pflag's rules, which kubectl uses: `--name=value`, `--name value`,
 * `-n value`, `-nvalue`, `-n=value`, grouped boolean shorthands (`-it`), `--` to end flags,
 * and flags anywhere among the arguments. Errors carry pflag's exact wording.
 */

/** FlagSpec declares one flag. */
export interface FlagSpec {
  name: string;
  short?: string;
  type: 'bool' | 'string' | 'int' | 'stringArray' | 'duration';
  /** Default as kubectl's help prints it (`false`, `''`, `[]`, `-1`). */
  default?: string;
  help?: string;
  /** Hidden from help, e.g. deprecated flags. */
  hidden?: boolean;
}

/** ParsedFlags holds what was set: scalars as strings, arrays as string lists. */
export interface ParsedFlags {
  values: Map<string, string | string[]>;
  /** Positional arguments, in order. */
  args: string[];
  /** Arguments after `--`, kept apart (e.g. `exec POD -- cmd`). */
  afterDash: string[] | undefined;
}

/** FlagError is a usage error; kubectl appends `See 'kubectl <cmd> --help' for usage.` */
export class FlagError extends Error {}

/** parseFlags parses argv against the given specs. */
export function parseFlags(argv: string[], specs: readonly FlagSpec[]): ParsedFlags {
  const byName = new Map(specs.map((s) => [s.name, s]));
  const byShort = new Map(specs.filter((s) => s.short).map((s) => [s.short!, s]));
  const values = new Map<string, string | string[]>();
  const args: string[] = [];
  let afterDash: string[] | undefined;
  const set = (spec: FlagSpec, raw: string, shown: string) => {
    if (spec.type === 'int' && !/^-?\d+$/.test(raw)) {
      throw new FlagError(`invalid argument "${raw}" for "${shown}" flag: strconv.ParseInt: parsing "${raw}": invalid syntax`);
    }
    if (spec.type === 'bool' && !['true', 'false', '1', '0', 't', 'f', 'TRUE', 'FALSE', 'True', 'False'].includes(raw)) {
      throw new FlagError(`invalid argument "${raw}" for "${shown}" flag: strconv.ParseBool: parsing "${raw}": invalid syntax`);
    }
    if (spec.type === 'stringArray') {
      const prev = values.get(spec.name);
      values.set(spec.name, [...(Array.isArray(prev) ? prev : []), raw]);
    } else {
      values.set(spec.name, spec.type === 'bool' ? String(['true', '1', 't', 'TRUE', 'True'].includes(raw)) : raw);
    }
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') {
      afterDash = argv.slice(i + 1);
      break;
    }
    if (a.startsWith('--') && a.length > 2) {
      const eq = a.indexOf('=');
      const name = eq < 0 ? a.slice(2) : a.slice(2, eq);
      const spec = byName.get(name);
      if (!spec) throw new FlagError(`unknown flag: --${name}`);
      // pflag names a flag with its shorthand in value errors however it was spelled.
      const shown = spec.short ? `-${spec.short}, --${name}` : `--${name}`;
      if (eq >= 0) set(spec, a.slice(eq + 1), shown);
      else if (spec.type === 'bool') set(spec, 'true', shown);
      else if (i + 1 < argv.length) set(spec, argv[++i]!, shown);
      else throw new FlagError(`flag needs an argument: --${name}`);
      continue;
    }
    if (a.startsWith('-') && a.length > 1) {
      for (let j = 1; j < a.length; j++) {
        const ch = a[j]!;
        const spec = byShort.get(ch);
        if (!spec) throw new FlagError(`unknown shorthand flag: '${ch}' in ${a}`);
        const shown = `-${ch}, --${spec.name}`;
        if (spec.type === 'bool') {
          if (a[j + 1] === '=') {
            set(spec, a.slice(j + 2), shown);
            break;
          }
          set(spec, 'true', shown);
          continue;
        }
        let rest = a.slice(j + 1);
        if (rest.startsWith('=')) rest = rest.slice(1);
        if (rest) set(spec, rest, shown);
        else if (i + 1 < argv.length) set(spec, argv[++i]!, shown);
        else throw new FlagError(`flag needs an argument: '${ch}' in -${ch}`);
        break;
      }
      continue;
    }
    args.push(a);
  }
  return { values, args, afterDash };
}

/** str returns a string flag's value or the fallback. */
export function str(f: ParsedFlags, name: string, fallback = ''): string {
  const v = f.values.get(name);
  return typeof v === 'string' ? v : fallback;
}

/** bool returns a boolean flag's value. */
export function bool(f: ParsedFlags, name: string, fallback = false): boolean {
  const v = f.values.get(name);
  return typeof v === 'string' ? v === 'true' : fallback;
}

/** list returns a repeatable flag's values. */
export function list(f: ParsedFlags, name: string): string[] {
  const v = f.values.get(name);
  return Array.isArray(v) ? v : typeof v === 'string' ? [v] : [];
}

/** has tells whether a flag was given at all. */
export function has(f: ParsedFlags, name: string): boolean {
  return f.values.has(name);
}
