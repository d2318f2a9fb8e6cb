import { describe, expect, it } from 'vitest';
import type { Command } from './command.ts';
import { COMMANDS } from './commands/index.ts';
import { kubectlSession, WEB_DEPLOYMENT } from './commands/testing.ts';

/** SETUP gives the examples what they name: a pod and a deployment (with two revisions) called web, a manifest file, a directory, a dev namespace and context. */
const SETUP = [
  'kubectl run web --image=nginx --labels=app=web',
  'kubectl set image deployment/web nginx=nginx:1.26',
  'sleep 60',
  'kubectl create deployment web --image=nginx:1.25 --dry-run=client -o yaml > web.yaml',
  'mkdir manifests',
  'cp web.yaml manifests/',
  'kubectl create namespace dev',
  'kubectl config set-context dev --cluster=wheelhouse --user=kubernetes-admin --namespace=dev',
];

/** BEFORE is what a command's examples need beyond SETUP. */
const BEFORE: Record<string, string[]> = {
  'rollout resume': ['kubectl rollout pause deployment/web'],
  delete: ['kubectl run tmp --image=busybox -- sleep 3600'],
  // drain refuses a pod no controller manages unless --force says it may go.
  drain: ['kubectl delete pod web'],
};

/** withExamples lists each registered command and subcommand that has examples, by full name. */
function withExamples(cmds: readonly Command[], prefix = ''): [string, readonly (readonly [string, string])[]][] {
  return cmds.flatMap((c) => [...(c.help ? [[prefix + c.name, c.help.examples] as [string, readonly (readonly [string, string])[]]] : []), ...withExamples(c.subcommands ?? [], `${prefix}${c.name} `)]);
}

describe('help examples', () => {
  it.each(withExamples(COMMANDS))('the examples of kubectl %s run in the sandbox, one after another', async (path, examples) => {
    const { run } = kubectlSession(WEB_DEPLOYMENT);
    for (const step of [...SETUP, ...(BEFORE[path] ?? [])]) expect((await run(step)).stderr, step).toBe('');
    for (const [, line] of examples) {
      const ran = await run(line);
      // These refusals still show the command ran: a name the fixture already holds, a second restart within
      // the same second (kubectl refuses it too), and edit, which needs the browser's editor.
      if (ran.status !== 0) expect(ran.stderr, line).toMatch(/already exists|AlreadyExists|within the past second|kubectl edit needs the sandbox/);
    }
  });
});
