/**
 * The history checks against the real control loops and kubectl verbs (not the hand-played
 * controllers of the other tests): the actors, revision annotations and status updates the
 * checks rely on must be the ones the engine actually writes. Only verdicts are asserted.
 */
import { describe, expect, it } from 'vitest';
import { parseScenario, startSession } from '../scenario/scenario.ts';
import { evaluateChecks } from './evaluate.ts';
import { CheckHistory } from './history.ts';
import { checks } from './testing.ts';

const quiet = { stdout() {}, stderr() {} };

describe('checks with the real controllers', () => {
  it('replacement, ownership, a rollout and a rollback of a Deployment', async () => {
    const s = startSession(
      parseScenario(`
objects:
  - apiVersion: apps/v1
    kind: Deployment
    metadata: { name: web }
    spec:
      replicas: 3
      selector: { matchLabels: { app: web } }
      template:
        metadata: { labels: { app: web } }
        spec: { containers: [{ name: web, image: "nginx:1.25" }] }
settleSeconds: 60
`),
    );
    const list = checks(
      { type: 'podsReady', deployment: 'web' },
      { type: 'ownedBy', kind: 'Pod', selector: 'app=web', owner: { kind: 'Deployment', name: 'web' } },
      { type: 'replacedByController', selector: 'app=web' },
      { type: 'availableNeverBelow', deployment: 'web', min: 2 },
      { type: 'rolledBackTo', deployment: 'web', revision: 1 },
      { type: 'createdBy', kind: 'Deployment', name: 'web', by: 'scenario' },
    );
    const h = new CheckHistory(s.cluster, { checks: list });
    const verdicts = () => Object.fromEntries(evaluateChecks(s.cluster, list, h).results.map((r) => [r.id, r.passed]));
    expect(verdicts()).toEqual({ podsReady: true, ownedBy: true, replacedByController: false, availableNeverBelow: false, rolledBackTo: true, createdBy: true });

    const victim = s.cluster.api.list('Pod', 'default')[0]!.metadata.name!;
    await s.run(`kubectl delete pod ${victim}`, quiet);
    s.cluster.advance(20_000);
    expect(verdicts()).toMatchObject({ podsReady: true, replacedByController: true, availableNeverBelow: false });

    await s.run('kubectl rollout restart deployment web', quiet);
    s.cluster.advance(60_000);
    expect(verdicts()).toMatchObject({ podsReady: true, ownedBy: true, availableNeverBelow: true, rolledBackTo: false });

    await s.run('kubectl rollout undo deployment web --to-revision=1', quiet);
    s.cluster.advance(60_000);
    expect(verdicts()).toMatchObject({ podsReady: true, availableNeverBelow: true, rolledBackTo: true });
  });
});
