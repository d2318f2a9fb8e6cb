/** The help of `kubectl rollout` and each of its verbs. */
import type { HelpSpec } from '../../help.ts';

/** ROLLOUT_HELP is the help of `rollout` and of each rollout verb, by name. */
export const ROLLOUT_HELP = {
  rollout: {
    description: 'Watch, pause, resume, restart or roll back the rollout of a Deployment. Every change to its pod template starts a new rollout and a new revision.',
    examples: [
      ['Watch a deployment roll out until it is done', 'kubectl rollout status deployment/web'],
      ['Replace every pod of a deployment', 'kubectl rollout restart deployment/web'],
      ['Roll a deployment back to its previous revision', 'kubectl rollout undo deployment/web'],
    ],
  },
  status: {
    description: "Wait until the latest rollout of a resource has finished, printing its progress. Use --watch=false to print the state once and return.",
    examples: [
      ['Watch the rollout of a deployment', 'kubectl rollout status deployment/web'],
      ['Print the state once, without waiting', 'kubectl rollout status deployment web --watch=false'],
    ],
    usage: 'rollout status (TYPE NAME | TYPE/NAME) [flags]',
  },
  history: {
    description: 'List the revisions of a resource, each with the change cause recorded for it, or show one revision in full.',
    examples: [
      ['List the revisions of a deployment', 'kubectl rollout history deployment/web'],
      ['Show the pod template of revision 1', 'kubectl rollout history deployment/web --revision=1'],
    ],
    usage: 'rollout history (TYPE NAME | TYPE/NAME) [flags]',
  },
  undo: {
    description: 'Roll a resource back to its previous revision, or to the one --to-revision names.',
    examples: [
      ['Go back to revision 1', 'kubectl rollout undo deployment/web --to-revision=1'],
      ['Go back to the previous revision', 'kubectl rollout undo deployment/web'],
      ['Show the template the rollback would apply, changing nothing', 'kubectl rollout undo deployment/web --dry-run=server'],
    ],
    usage: 'rollout undo (TYPE NAME | TYPE/NAME) [flags]',
  },
  pause: {
    description: 'Stop a deployment from rolling out changes to its pod template until it is resumed, so several changes can go out as one rollout.',
    examples: [['Pause a deployment', 'kubectl rollout pause deployment/web']],
    usage: 'rollout pause RESOURCE',
  },
  resume: {
    description: 'Let a paused deployment roll out again, starting from the changes made while it was paused.',
    examples: [['Resume a paused deployment', 'kubectl rollout resume deployment/web']],
    usage: 'rollout resume RESOURCE',
  },
  restart: {
    description: 'Start a new rollout that replaces every pod, by stamping the pod template with the time of the restart.',
    examples: [
      ['Restart a deployment', 'kubectl rollout restart deployment/web'],
      ["Restart every deployment labelled app=web", 'kubectl rollout restart deployment --selector=app=web'],
    ],
    usage: 'rollout restart RESOURCE',
  },
} satisfies Record<string, HelpSpec>;
