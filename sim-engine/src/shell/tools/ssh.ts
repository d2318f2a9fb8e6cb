/**
 * ssh: log in to one of the scenario's machines by name or address. The prompt then shows
 * that machine and `exit` comes back (Session wires the shell's logout hook to Machines).
 * The sandbox models one filesystem shared by every machine, so the working directory and
 * files stay as they were; only the machine changes.
 */
import type { MachineHost } from '../../machines/host.ts';
import type { Program } from '../types.ts';
import { OptionError, parseOptions } from '../commands/options.ts';

const USAGE = `usage: ssh [-46AaCfGgKkMNnqsTtVvXxYy] [-B bind_interface] [-b bind_address]
           [-c cipher_spec] [-D [bind_address:]port] [-E log_file]
           [-e escape_char] [-F configfile] [-I pkcs11] [-i identity_file]
           [-J destination] [-L address] [-l login_name] [-m mac_spec]
           [-O ctl_cmd] [-o option] [-P tag] [-p port] [-R address]
           [-S ctl_path] [-W host:port] [-w local_tun[:remote_tun]]
           destination [command [argument ...]]
`;

/** MOTD is the first line Ubuntu's login banner prints, matching the nodes' OS and kernel. */
const MOTD = 'Welcome to Ubuntu 24.04.1 LTS (GNU/Linux 6.8.0-51-generic x86_64)\n\n';

/** createSsh returns ssh as a shell program that moves the learner between the session's machines. */
export function createSsh(host: MachineHost): Program {
  return (ctx) => {
    let operands: string[];
    try {
      operands = parseOptions(ctx.args, { flags: '46AaCfGgKkMNnqsTtVvXxYy', values: 'BbcDEeFIiJLlmOoPpRSWw', stopAtOperand: true }).operands;
    } catch (e) {
      if (!(e instanceof OptionError)) throw e;
      ctx.stderr(`ssh: ${e.message}\n${USAGE}`);
      return 255;
    }
    const [destination, ...command] = operands;
    if (destination === undefined) {
      ctx.stderr(USAGE);
      return 255;
    }
    // OpenSSH lower-cases the host name before resolving it, and reports it so.
    const name = destination.slice(destination.lastIndexOf('@') + 1).toLowerCase();
    const machine = host.machines.resolve(name);
    if (!machine) {
      ctx.stderr(`ssh: Could not resolve hostname ${name}: Name or service not known\n`);
      return 255;
    }
    if (command.length > 0) {
      ctx.stderr(`ssh: running a command on another machine is not supported in this sandbox: ssh ${name}, then run it there\n`);
      return 255;
    }
    host.machines.enter(machine.name);
    ctx.stdout(MOTD);
    return 0;
  };
}
