import { describe, expect, it } from 'vitest';
import type { Deployment } from '../../api/apps.ts';
import { kubectlSession, WEB_DEPLOYMENT } from './testing.ts';

/** editing opens a session whose editor answers each opening with the next of `saves` (a function of the text shown), recording what it was shown. */
function editing(saves: ((text: string) => string | undefined)[]) {
  const k = kubectlSession(WEB_DEPLOYMENT);
  const shown: { text: string; filename: string; onDisk: string }[] = [];
  k.session.useEditor(async (text, { filename }) => {
    shown.push({ text, filename, onDisk: k.session.shell.fs.read(filename) });
    return saves.shift()?.(text);
  });
  return { ...k, shown };
}

describe('kubectl edit', () => {
  it('opens the object under /tmp with the header, applies the save and removes the file', async () => {
    const k = editing([(t) => t.replace('replicas: 3', 'replicas: 5')]);
    const ran = await k.run('kubectl edit deploy/web');
    expect(ran).toMatchObject({ output: 'deployment.apps/web edited\n', status: 0 });
    const [first] = k.shown;
    expect(first!.filename).toMatch(/^\/tmp\/kubectl-edit-[a-z0-9]{10}\.yaml$/);
    expect(first!.text).toMatch(/^# Please edit the object below\. Lines beginning with a '#' will be ignored,\n# and an empty file will abort the edit\. If an error occurs while saving this file will be\n# reopened with the relevant failures\.\n#\napiVersion: apps\/v1\nkind: Deployment\n/);
    expect(first!.onDisk).toBe(first!.text);
    expect(k.session.cluster.api.get<Deployment>('Deployment', 'default', 'web').spec?.replicas).toBe(5);
    expect(k.session.shell.fs.kind(first!.filename)).toBeUndefined();
  });

  it('says so when nothing changed or the editor was closed', async () => {
    expect((await editing([(t) => t]).run('kubectl edit deploy/web')).output).toBe('Edit cancelled, no changes made.\n');
    expect((await editing([() => undefined]).run('kubectl edit deploy/web')).output).toBe('Edit cancelled, no changes made.\n');
    expect((await editing([() => '# nothing\n']).run('kubectl edit deploy/web')).output).toBe('Edit cancelled, saved file was empty.\n');
  });

  it('reopens an invalid save with the reasons in the header, keeping the edits', async () => {
    const k = editing([(t) => t.replace('replicas: 3', 'replicas: -1'), (t) => t.replace('replicas: -1', 'replicas: 2')]);
    const ran = await k.run('kubectl edit deploy/web');
    expect(ran.stderr).toBe('error: deployments.apps "web" is invalid\n');
    expect(ran.stdout).toBe('deployment.apps/web edited\n');
    const second = k.shown[1]!.text;
    expect(second).toContain('# reopened with the relevant failures.\n#\n# deployments.apps "web" was not valid:\n# * spec.replicas: Invalid value: -1: must be greater than or equal to 0\n#\napiVersion: apps/v1\n');
    expect(second).toContain('replicas: -1');
    expect(k.session.cluster.api.get<Deployment>('Deployment', 'default', 'web').spec?.replicas).toBe(2);
  });

  it('gives up when the same invalid file is saved again, and keeps it', async () => {
    const k = editing([(t) => t.replace('replicas: 3', 'replicas: -1'), (t) => t]);
    const ran = await k.run('kubectl edit deploy/web');
    const file = k.shown[0]!.filename;
    expect(ran).toMatchObject({
      stderr: `error: deployments.apps "web" is invalid\nA copy of your changes has been stored to "${file}"\nerror: Edit cancelled, no valid changes were saved.\n`,
      status: 1,
    });
    expect(k.session.shell.fs.read(file)).toContain('replicas: -1');
  });

  it('reopens a file with a syntax error; closing it then keeps a copy', async () => {
    const k = editing([(t) => t.replace('replicas: 3', 'replicas: [3'), () => undefined]);
    const ran = await k.run('kubectl edit deploy/web');
    expect(k.shown[1]!.text).toMatch(/\n# The edited file had a syntax error: .+\n#\n/);
    expect(ran.stderr).toBe(`A copy of your changes has been stored to "${k.shown[0]!.filename}"\nerror: Edit cancelled, no valid changes were saved.\n`);
  });

  it('needs an editor', async () => {
    const k = kubectlSession(WEB_DEPLOYMENT);
    expect((await k.run('kubectl edit deploy/web')).stderr).toBe("error: kubectl edit needs the sandbox's editor, which the transcript runner does not have\n");
  });
});
