/** kubectl version: client, kustomize and server versions, as text or as kubectl's version.Info YAML/JSON. */
import type { Command } from '../command.ts';
import { KubectlError } from '../errors.ts';
import { bool, str } from '../flags.ts';
import { toYAML } from '../printers/yaml.ts';
import { encodeOrdered } from '../typed-json.ts';

/** CLIENT_VERSION is version.Info of the kubectl the sandbox imitates (v1.32.2, in Go struct order). */
export const CLIENT_VERSION = {
  major: '1',
  minor: '32',
  gitVersion: 'v1.32.2',
  gitCommit: '67a30c0adcf52bd3f56ff0893ce19966be12991f',
  gitTreeState: 'clean',
  buildDate: '2025-02-12T21:26:09Z',
  goVersion: 'go1.23.6',
  compiler: 'gc',
  platform: 'linux/amd64',
};

/** SERVER_VERSION is the simulated API server's version.Info. */
export const SERVER_VERSION = { ...CLIENT_VERSION, buildDate: '2025-02-12T21:17:53Z' };

/** versionCommand is `kubectl version`. */
export const versionCommand: Command = {
  name: 'version',
  summary: 'Print the client and server version information',
  help: {
    description: 'Print the version of kubectl and of the API server it talks to.',
    examples: [
      ['Print both versions', 'kubectl version'],
      ['Print only kubectl\'s version', 'kubectl version --client'],
    ],
    usage: 'version',
  },
  flags: [
    { name: 'client', type: 'bool', default: 'false', help: 'If true, shows client version only (no server required).' },
    { name: 'output', short: 'o', type: 'string', default: "''", help: "One of 'yaml' or 'json'." },
  ],
  run(inv) {
    const output = str(inv.flags, 'output');
    if (output !== '' && output !== 'yaml' && output !== 'json') throw new KubectlError("--output must be 'yaml' or 'json'");
    const info: Record<string, unknown> = { clientVersion: CLIENT_VERSION, kustomizeVersion: 'v5.5.0' };
    if (!bool(inv.flags, 'client')) info.serverVersion = SERVER_VERSION;
    if (output === 'yaml') inv.ctx.stdout(`${toYAML(info)}\n`);
    else if (output === 'json') inv.ctx.stdout(`${encodeOrdered(info, 0, '  ')}\n`);
    else {
      inv.ctx.stdout(`Client Version: ${CLIENT_VERSION.gitVersion}\nKustomize Version: v5.5.0\n`);
      if (info.serverVersion) inv.ctx.stdout(`Server Version: ${SERVER_VERSION.gitVersion}\n`);
    }
    return 0;
  },
};
