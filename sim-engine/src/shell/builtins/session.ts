/** Session builtins: exit, history, source, help, clear, true and false. */
import type { Builtin } from '../commands/runtime.ts';
import { errorText } from '../commands/util.ts';

/** exit stops the shell with a status (the last one by default); the host sees it as SHELL_EXIT + status. */
export const exit: Builtin = (ctx, rt) => {
  const [arg, extra] = ctx.args;
  if (arg !== undefined && !/^[-+]?\d+$/.test(arg.trim())) {
    ctx.stderr(`bash: exit: ${arg}: numeric argument required\n`);
    rt.requestExit(2);
    return 2;
  }
  if (extra !== undefined) {
    ctx.stderr('bash: exit: too many arguments\n');
    return 1;
  }
  const code = arg === undefined ? rt.scope.status : ((Number(arg) % 256) + 256) % 256;
  rt.requestExit(code);
  return code;
};

/** history lists the commands entered so far, numbered as bash does; -c clears it. */
export const history: Builtin = (ctx, rt) => {
  const entries = rt.scope.history;
  const [arg] = ctx.args;
  if (arg === '-c') {
    entries.length = 0;
    return 0;
  }
  let start = 0;
  if (arg !== undefined && arg.startsWith('-')) {
    ctx.stderr(`bash: history: ${arg.slice(0, 2)}: invalid option\nhistory: usage: history [-c] [-d offset] [n] or history -anrw [filename] or history -ps arg [arg...]\n`);
    return 2;
  }
  if (arg !== undefined) {
    if (!/^\d+$/.test(arg)) {
      ctx.stderr(`bash: history: ${arg}: numeric argument required\n`);
      return 1;
    }
    start = Math.max(0, entries.length - Number(arg));
  }
  ctx.stdout(entries.slice(start).map((e, i) => `${String(start + i + 1).padStart(5)}  ${e}\n`).join(''));
  return 0;
};

/** source runs a file's commands in the current shell. */
export const source: Builtin = async (ctx, rt) => {
  const [file] = ctx.args;
  if (file === undefined) {
    ctx.stderr('bash: source: filename argument required\nsource: usage: source filename [arguments]\n');
    return 2;
  }
  let text: string;
  try {
    text = rt.fs.read(rt.resolve(file));
  } catch (e) {
    ctx.stderr(`bash: ${file}: ${errorText(e)}\n`);
    return 1;
  }
  return rt.evaluate(text, ctx, false);
};

/** clear clears the screen and its scrollback, as `clear` does on xterm; -x keeps the scrollback. */
export const clear: Builtin = (ctx) => {
  const bad = ctx.args.find((a) => a !== '-x');
  if (bad !== undefined) {
    ctx.stderr(`${bad.startsWith('-') ? `clear: invalid option -- '${bad.slice(1, 2)}'` : `clear: extra operand '${bad}'`}\nUsage: clear [options]\n`);
    return 1;
  }
  ctx.stdout(ctx.args.includes('-x') ? '\x1b[H\x1b[2J' : '\x1b[H\x1b[2J\x1b[3J');
  return 0;
};

/** trueBuiltin does nothing, successfully. */
export const trueBuiltin: Builtin = () => 0;

/** falseBuiltin does nothing, unsuccessfully. */
export const falseBuiltin: Builtin = () => 1;

const HELP = `This sandbox is a small bash with a simulated Kubernetes cluster behind kubectl.

Kubernetes:
  kubectl ...          talk to the cluster (alias: k). Tab completes commands
                       and file names, and kubectl's own words.

Building a cluster (in sandboxes that start from bare machines):
  ssh MACHINE          log in to a machine; exit comes back
  kubeadm init         set up the control plane (on the control-plane machine)
  kubeadm join ...     add a worker (the command kubeadm init prints)
  kubeadm token create --print-join-command
  minikube start|status|stop   a one-node cluster instead

Shell features:
  quotes '...' "..."   \\ escapes, $VAR and \${VAR}, ~, $?, $(command)
  a; b   a && b   a || b   a | b   (pipes pass all output once a finishes)
  > file  >> file  2> file  2>&1  &> file  < file
  <<EOF here-documents (also <<'EOF' and <<-EOF), globs like *.yaml
  NAME=value, export, unset, alias, unalias, source FILE, history, complete
  for x in a b; do ...; done    while/until cond; do ...; done    break, continue
  if cond; then ...; elif cond; then ...; else ...; fi    { a; b; }
  [ -z "$x" ], test 3 -gt 2, [ -f file ]    $((i + 1)), ((i++)), for ((i=0; i<3; i++))
  (a loop that never waits is stopped after 10000 rounds; Ctrl+C stops any loop)

Files:      ls cat touch mkdir rm cp mv pwd cd tee
Text:       echo printf grep head tail wc sort uniq cut tr sed awk xargs base64 seq
Time:       sleep N, timeout N cmd, watch [-n N] cmd (Ctrl+C stops), date
Other:      clear hostname whoami id sudo chown env type which true false help exit

Not supported: background jobs (&), case, functions, [[ ]], read, editors.
Every file lives in memory; your home is /home/learner.
Type 'cmd --help' for the options a tool supports here.
`;

/** help explains briefly what the sandbox supports. */
export const help: Builtin = (ctx) => {
  ctx.stdout(HELP);
  return 0;
};
