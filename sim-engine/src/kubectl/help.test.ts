import { describe, expect, it } from 'vitest';
import { GLOBAL_FLAGS, type Command } from './command.ts';
import { parseFlags } from './flags.ts';
import { commandHelp, helpTopic, optionsHelp } from './help.ts';
import { COMMANDS } from './commands/index.ts';
import { kubectlSession } from './commands/testing.ts';

/** every lists each registered command and subcommand with its full name (`rollout status`). */
function every(cmds: readonly Command[], prefix = ''): { path: string; cmd: Command }[] {
  return cmds.flatMap((cmd) => [{ path: prefix + cmd.name, cmd }, ...every(cmd.subcommands ?? [], `${prefix}${cmd.name} `)]);
}

/** words splits an example line as the shell would, for the simple quoting examples use. */
function words(line: string): string[] {
  return [...line.matchAll(/'([^']*)'|"([^"]*)"|(\S+)/g)].map((m) => m[1] ?? m[2] ?? m[3]!);
}

/** resolve finds the command an example runs and the arguments left for its flag parser. */
function resolve(argv: string[]): { cmd: Command; rest: string[] } {
  let cmd = COMMANDS.find((c) => c.name === argv[0])!;
  let rest = argv.slice(1);
  for (;;) {
    const at = rest.findIndex((a) => !a.startsWith('-'));
    const sub = at < 0 ? undefined : cmd.subcommands?.find((c) => c.name === rest[at] || c.aliases?.includes(rest[at]!));
    if (!sub) return { cmd, rest };
    cmd = sub;
    rest = [...rest.slice(0, at), ...rest.slice(at + 1)];
  }
}

describe('help specs', () => {
  it('every command the sandbox runs has a description and at least one example', async () => {
    const { run } = kubectlSession();
    for (const { path, cmd } of every(COMMANDS)) {
      if (cmd.help) {
        expect(cmd.help.description, path).not.toBe('');
        expect(cmd.help.examples.length, path).toBeGreaterThan(0);
        continue;
      }
      // Only the verbs the sandbox refuses may go without help.
      expect((await run(`kubectl ${path} x`)).stderr, path).toContain('not supported in this sandbox');
    }
  });

  it('every example starts with kubectl and its command, and parses without an unknown flag', () => {
    for (const { path, cmd } of every(COMMANDS)) {
      for (const [, line] of cmd.help?.examples ?? []) {
        const argv = words(line);
        expect(argv[0], line).toBe('kubectl');
        const found = resolve(argv.slice(1));
        expect(COMMANDS.some((c) => c.name === argv[1]), line).toBe(true);
        expect(() => parseFlags(found.rest, [...found.cmd.flags, ...GLOBAL_FLAGS]), `${path}: ${line}`).not.toThrow();
      }
    }
  });

  it('lays out a command like kubectl: description, aliases, examples, options, usage', () => {
    const create = COMMANDS.find((c) => c.name === 'create')!;
    const deployment = create.subcommands!.find((c) => c.name === 'deployment')!;
    const text = commandHelp({ ...deployment, name: 'create deployment' });
    expect(text).toMatch(/^Create a deployment with the specified name\.\n\n .+\n\nAliases:\ndeployment, deploy\n\nExamples:\n  # /);
    expect(text).toContain('\n  \n  # ');
    expect(text).toContain('\nOptions:\n    --allow-missing-template-keys=true:\n\t');
    expect(text).toContain('    -r, --replicas=1:\n');
    expect(text).toMatch(/\n\nUsage:\n  kubectl create deployment NAME .*\[options\]\n\nUse "kubectl options" for a list of global command-line options \(applies to all commands\)\.\n$/);
  });

  it('lists a parent command\'s subcommands and points at their help', () => {
    const text = commandHelp(COMMANDS.find((c) => c.name === 'rollout')!);
    expect(text).toContain('Available Commands:\n  history       View rollout history\n');
    expect(text).not.toContain('Options:');
    expect(text).toContain('Use "kubectl rollout <command> --help" for more information about a given command.\n');
  });

  it('answers help topics as cobra does', () => {
    expect(helpTopic(COMMANDS, ['rollout', 'status'])).toEqual({ out: commandHelp({ ...COMMANDS.find((c) => c.name === 'rollout')!.subcommands!.find((c) => c.name === 'status')!, name: 'rollout status' }) });
    expect(helpTopic(COMMANDS, ['nope'])).toMatchObject({ err: expect.stringMatching(/^Unknown help topic \[`nope`\]\n\n\nBasic Commands/) });
    expect(helpTopic(COMMANDS, ['attach'])).toEqual({ err: 'error: kubectl attach is not supported in this sandbox yet\n' });
  });

  it('lists the global flags for kubectl options', () => {
    expect(optionsHelp()).toMatch(/^The following options can be passed to any command:\n\n    --context='':\n/);
    expect(optionsHelp()).toContain('    -n, --namespace=\'\':\n');
    expect(optionsHelp()).not.toContain('--help');
  });
});
