import { describe, expect, it } from 'vitest';
import type { SandboxController } from './controller.ts';
import { scopeController } from './panel-scope.ts';

function fakeController() {
  const listeners = new Set<() => void>();
  const calls: string[] = [];
  const c = {
    id: 'x',
    session: {} as SandboxController['session'],
    clock: {} as SandboxController['clock'],
    runInTerminal: async (cmd: string) => void calls.push(`run ${cmd}`),
    typeInTerminal: (cmd: string) => void calls.push(`type ${cmd}`),
    runQuietly: async (cmd: string) => ({ output: cmd, status: 0 }),
    editing: undefined,
    finishEdit: (save: boolean) => void calls.push(`finishEdit ${save}`),
    onChange(l: () => void) {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    save: () => void calls.push('save'),
    reset: () => void calls.push('reset'),
    startFrom: (scenario: object | undefined) => void calls.push(`startFrom ${JSON.stringify(scenario)}`),
  } satisfies SandboxController;
  return { c, listeners, calls };
}

describe('scopeController', () => {
  it('delegates everything to the controller', async () => {
    const { c, calls } = fakeController();
    const { controller } = scopeController(c);
    expect(controller.id).toBe('x');
    expect(controller.session).toBe(c.session);
    await controller.runInTerminal('a');
    controller.typeInTerminal('b');
    controller.save();
    controller.reset();
    controller.startFrom({ settleSeconds: 5 });
    expect(await controller.runQuietly('c')).toEqual({ output: 'c', status: 0 });
    expect(calls).toEqual(['run a', 'type b', 'save', 'reset', 'startFrom {"settleSeconds":5}']);
  });

  it('drops the subscriptions made through it when disposed', () => {
    const { c, listeners } = fakeController();
    const scope = scopeController(c);
    const off = scope.controller.onChange(() => {});
    scope.controller.onChange(() => {});
    expect(listeners.size).toBe(2);
    off();
    expect(listeners.size).toBe(1);
    scope.dispose();
    expect(listeners.size).toBe(0);
    scope.controller.onChange(() => {});
    expect(listeners.size).toBe(0);
  });
});
