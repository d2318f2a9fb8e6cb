/** The shell's saved state and the environment a fresh sandbox starts with. */
import { HOME } from './paths.ts';
import type { VfsState } from './vfs.ts';

/** ShellState is everything needed to restore a shell, as plain JSON. */
export interface ShellState extends VfsState {
  cwd: string;
  /** env holds exported variables. */
  env: Record<string, string>;
  /** vars holds shell variables that are not exported. */
  vars: Record<string, string>;
  aliases: Record<string, string>;
  history: string[];
  /** status is `$?`. */
  status: number;
}

/** DEFAULT_ENV is the environment of a fresh login shell in the sandbox. */
export const DEFAULT_ENV: Readonly<Record<string, string>> = {
  HOME,
  USER: 'learner',
  LOGNAME: 'learner',
  PWD: HOME,
  SHELL: '/bin/bash',
  PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin',
  KUBECONFIG: `${HOME}/.kube/config`,
  TERM: 'xterm-256color',
  LANG: 'C.UTF-8',
};

/** DEFAULT_ALIASES are the aliases every sandbox starts with. */
export const DEFAULT_ALIASES: Readonly<Record<string, string>> = { k: 'kubectl' };

/** DEFAULT_HOSTNAME is the sandbox's host name unless the host gives another. */
export const DEFAULT_HOSTNAME = 'wheelhouse';
