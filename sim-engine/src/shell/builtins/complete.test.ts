import { describe, it, expect } from 'vitest';
import { testShell } from '../testing.ts';

describe('complete', () => {
  it('accepts the kubectl tutorial setup silently', async () => {
    const t = testShell();
    expect(await t.run('source <(kubectl completion bash); alias k=kubectl; complete -o default -F __start_kubectl k')).toMatchObject({ output: '', status: 0 });
    expect((await t.run('complete')).stdout).toBe('complete -o default -F __start_kubectl kubectl\n');
  });

  it('says plainly that other completions are not available', async () => {
    expect(await testShell().run('complete -F _foo foo')).toMatchObject({
      stderr: "bash: complete: only kubectl's completion (-F __start_kubectl) is available in this sandbox\n",
      status: 1,
    });
  });
});
