/**
 * The kubeconfig's cluster and user entries: set-cluster, set-credentials, delete-cluster and
 * delete-user, with kubectl's merging rules (only the flags given change an entry; a bearer
 * token and basic auth replace each other; insecure mode and a certificate authority exclude
 * each other; --embed-certs reads the files into the `-data` fields). A context that names a
 * cluster whose server is not the sandbox's API server is refused as a real one would be.
 */
import type { Command, Invocation } from '../command.ts';
import { KubectlError } from '../errors.ts';
import { bool, has, str } from '../flags.ts';
import { commandHelp } from '../help.ts';
import { saveKubeconfig } from '../kubeconfig-file.ts';
import { encodeBase64 } from '../../shell/tools/base64.ts';

type Fields = Record<string, unknown>;

/** readForEmbed reads a file to embed, or fails with kubectl's stat error. */
function readForEmbed(inv: Invocation, flag: string, path: string): string {
  const abs = inv.fs.resolve(path, inv.ctx.env.PWD ?? '/');
  if (inv.fs.kind(abs) !== 'file') throw new KubectlError(`could not stat ${flag} file ${path}: stat ${path}: no such file or directory`);
  return encodeBase64(inv.fs.read(abs));
}

/** oneName takes the entry's name, or prints the help and fails as cobra's argument check does. */
function oneName(inv: Invocation, cmd: Command): string {
  if (inv.flags.args.length !== 1) {
    inv.ctx.stdout(commandHelp({ ...cmd, name: `config ${cmd.name}` }));
    throw new KubectlError(`Unexpected args: [${inv.flags.args.join(' ')}]`);
  }
  return inv.flags.args[0]!;
}

/** setField sets a field, or removes it when the value is empty, as an unset Go string is omitted. */
function setField(entry: Fields, key: string, value: unknown): void {
  if (value === '' || value === false || value === undefined) delete entry[key];
  else entry[key] = value;
}

const setCluster: Command = {
  name: 'set-cluster',
  summary: 'Set a cluster entry in kubeconfig',
  help: {
    description: 'Create a cluster entry, or change the fields given of an existing one: where its API server is and how to trust it.',
    examples: [
      ['Point the demo cluster entry at a server', 'kubectl config set-cluster demo --server=https://172.18.0.2:6443'],
      ['Trust the server without checking its certificate', 'kubectl config set-cluster demo --insecure-skip-tls-verify=true'],
    ],
    usage: 'config set-cluster NAME [--server=server] [--certificate-authority=path/to/certificate/authority] [--insecure-skip-tls-verify=true] [--tls-server-name=example.com]',
  },
  flags: [
    { name: 'certificate-authority', type: 'string', default: "''", help: 'Path to certificate-authority file for the cluster entry in kubeconfig' },
    { name: 'embed-certs', type: 'bool', default: 'false', help: 'embed-certs for the cluster entry in kubeconfig' },
    { name: 'insecure-skip-tls-verify', type: 'bool', default: 'false', help: 'insecure-skip-tls-verify for the cluster entry in kubeconfig' },
    { name: 'proxy-url', type: 'string', default: "''", help: 'proxy-url for the cluster entry in kubeconfig' },
    { name: 'server', type: 'string', default: "''", help: 'server for the cluster entry in kubeconfig' },
    { name: 'tls-server-name', type: 'string', default: "''", help: 'tls-server-name for the cluster entry in kubeconfig' },
  ],
  run(inv) {
    const name = oneName(inv, setCluster);
    const f = inv.flags;
    const ca = str(f, 'certificate-authority');
    if (bool(f, 'insecure-skip-tls-verify') && ca) throw new KubectlError('you cannot specify a certificate authority and insecure mode at the same time');
    const embed = bool(f, 'embed-certs');
    if (embed && !ca) throw new KubectlError('you must specify a --certificate-authority to embed');
    const caData = embed ? readForEmbed(inv, 'certificate-authority', ca) : undefined;
    const { doc } = inv.kubeconfig;
    // A cluster entry always has a server field, empty until one is given.
    const cluster: Fields = { server: '', ...doc.clusters.get(name) };
    if (has(f, 'server')) {
      cluster.server = str(f, 'server');
      // A new server forgets the TLS server name of the old one (unless one is given too).
      delete cluster['tls-server-name'];
    }
    if (has(f, 'tls-server-name')) setField(cluster, 'tls-server-name', str(f, 'tls-server-name'));
    if (has(f, 'insecure-skip-tls-verify')) {
      setField(cluster, 'insecure-skip-tls-verify', bool(f, 'insecure-skip-tls-verify'));
      if (bool(f, 'insecure-skip-tls-verify')) {
        delete cluster['certificate-authority'];
        delete cluster['certificate-authority-data'];
      }
    }
    if (has(f, 'certificate-authority')) {
      if (caData !== undefined) {
        cluster['certificate-authority-data'] = caData;
        delete cluster['insecure-skip-tls-verify'];
        delete cluster['certificate-authority'];
      } else {
        setField(cluster, 'certificate-authority', ca);
        if (ca) {
          delete cluster['insecure-skip-tls-verify'];
          delete cluster['certificate-authority-data'];
        }
      }
    }
    if (has(f, 'proxy-url')) setField(cluster, 'proxy-url', str(f, 'proxy-url'));
    doc.clusters.set(name, cluster);
    saveKubeconfig(inv.fs, inv.kubeconfig);
    inv.ctx.stdout(`Cluster "${name}" set.\n`);
    return 0;
  },
};

// The credential plugins need programs and providers the sandbox does not have.
const PLUGIN_FLAGS = ['auth-provider', 'auth-provider-arg', 'exec-command', 'exec-api-version', 'exec-arg', 'exec-env', 'exec-interactive-mode', 'exec-provide-cluster-info'];

const setCredentials: Command = {
  name: 'set-credentials',
  summary: 'Set a user entry in kubeconfig',
  help: {
    description:
      'Create a user entry, or change the fields given of an existing one: a client certificate and key, a bearer token, or a username and password. A token and basic auth replace each other.',
    examples: [
      ['Give the user bob a bearer token', 'kubectl config set-credentials bob --token=abc123'],
      ['Use a client certificate and key for bob', 'kubectl config set-credentials bob --client-certificate=bob.crt --client-key=bob.key'],
    ],
    usage: 'config set-credentials NAME [--client-certificate=path/to/certfile] [--client-key=path/to/keyfile] [--token=bearer_token] [--username=basic_user] [--password=basic_password]',
  },
  flags: [
    { name: 'client-certificate', type: 'string', default: "''", help: 'Path to client-certificate file for the user entry in kubeconfig' },
    { name: 'client-key', type: 'string', default: "''", help: 'Path to client-key file for the user entry in kubeconfig' },
    { name: 'embed-certs', type: 'bool', default: 'false', help: 'Embed client cert/key for the user entry in kubeconfig' },
    { name: 'password', type: 'string', default: "''", help: 'password for the user entry in kubeconfig' },
    { name: 'token', type: 'string', default: "''", help: 'token for the user entry in kubeconfig' },
    { name: 'username', type: 'string', default: "''", help: 'username for the user entry in kubeconfig' },
    ...PLUGIN_FLAGS.map((name) => ({ name, type: name.endsWith('-arg') || name === 'exec-env' ? ('stringArray' as const) : ('string' as const), default: "''", help: 'not supported in this sandbox' })),
  ],
  run(inv) {
    const name = oneName(inv, setCredentials);
    const f = inv.flags;
    const plugin = PLUGIN_FLAGS.find((flag) => has(f, flag));
    if (plugin) throw new KubectlError(`--${plugin} is not supported in this sandbox: it has no credential plugins or auth providers to run`);
    const token = str(f, 'token');
    const basic = str(f, 'username') || str(f, 'password');
    if (token && basic) throw new KubectlError('you cannot specify more than one authentication method at the same time: --token, --username/--password');
    const embed = bool(f, 'embed-certs');
    const cert = str(f, 'client-certificate');
    const key = str(f, 'client-key');
    if (embed && !cert && !key) throw new KubectlError('you must specify a --client-certificate or --client-key to embed');
    const certData = embed && cert ? readForEmbed(inv, 'client-certificate', cert) : undefined;
    const keyData = embed && key ? readForEmbed(inv, 'client-key', key) : undefined;
    const { doc } = inv.kubeconfig;
    const user: Fields = { ...doc.users.get(name) };
    for (const [flag, data] of [['client-certificate', certData], ['client-key', keyData]] as const) {
      if (!has(f, flag)) continue;
      if (data !== undefined) {
        user[`${flag}-data`] = data;
        delete user[flag];
      } else {
        setField(user, flag, str(f, flag));
        if (str(f, flag)) delete user[`${flag}-data`];
      }
    }
    if (has(f, 'token')) setField(user, 'token', token);
    if (has(f, 'username')) setField(user, 'username', str(f, 'username'));
    if (has(f, 'password')) setField(user, 'password', str(f, 'password'));
    // Setting one way to authenticate clears the other.
    const setToken = has(f, 'token') && token !== '';
    const setBasic = (has(f, 'username') && str(f, 'username') !== '') || (has(f, 'password') && str(f, 'password') !== '');
    if (setToken && !setBasic) {
      delete user.username;
      delete user.password;
    }
    if (setBasic && !setToken) delete user.token;
    doc.users.set(name, user);
    saveKubeconfig(inv.fs, inv.kubeconfig);
    inv.ctx.stdout(`User "${name}" set.\n`);
    return 0;
  },
};

const deleteCluster: Command = {
  name: 'delete-cluster',
  summary: 'Delete the specified cluster from the kubeconfig',
  help: {
    description: 'Remove a cluster entry from the kubeconfig. Contexts that name it stay, and stop reaching any cluster.',
    examples: [
      ['Make a cluster entry, demo', 'kubectl config set-cluster demo --server=https://172.18.0.2:6443'],
      ['Delete it again', 'kubectl config delete-cluster demo'],
    ],
    usage: 'config delete-cluster NAME',
  },
  flags: [],
  run(inv) {
    // Without exactly one name kubectl prints its help and succeeds.
    if (inv.flags.args.length !== 1) {
      inv.ctx.stdout(commandHelp({ ...deleteCluster, name: 'config delete-cluster' }));
      return 0;
    }
    const [name] = inv.flags.args as [string];
    const { doc, path } = inv.kubeconfig;
    if (!doc.clusters.has(name)) throw new KubectlError(`cannot delete cluster ${name}, not in ${path}`);
    doc.clusters.delete(name);
    saveKubeconfig(inv.fs, inv.kubeconfig);
    inv.ctx.stdout(`deleted cluster ${name} from ${path}\n`);
    return 0;
  },
};

const deleteUser: Command = {
  name: 'delete-user',
  summary: 'Delete the specified user from the kubeconfig',
  help: {
    description: 'Remove a user entry from the kubeconfig. Contexts that name it stay.',
    examples: [
      ['Make a user entry, bob', 'kubectl config set-credentials bob --token=abc123'],
      ['Delete it again', 'kubectl config delete-user bob'],
    ],
    usage: 'config delete-user NAME',
  },
  flags: [],
  run(inv) {
    if (inv.flags.args.length === 0) throw new KubectlError("user to delete is required\nSee 'kubectl config delete-user -h' for help and examples");
    const [name] = inv.flags.args as [string];
    const { doc, path } = inv.kubeconfig;
    if (!doc.users.has(name)) throw new KubectlError(`cannot delete user ${name}, not in ${path}`);
    doc.users.delete(name);
    saveKubeconfig(inv.fs, inv.kubeconfig);
    inv.ctx.stdout(`deleted user ${name} from ${path}\n`);
    return 0;
  },
};

/** ENTRY_COMMANDS are the cluster and user subcommands of `kubectl config`. */
export const ENTRY_COMMANDS: readonly Command[] = [deleteCluster, deleteUser, setCluster, setCredentials];
