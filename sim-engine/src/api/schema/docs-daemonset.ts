/** Explain text for apps/v1 DaemonSet: its spec, update strategy and the types they use. */

/** DAEMONSET_DOCS maps `Struct.field` to its description. */
export const DAEMONSET_DOCS: Record<string, string> = {
  'DaemonSet.spec': 'The desired state of the DaemonSet: which pods to run on every node that qualifies, and how to replace them.',
  'DaemonSetSpec.selector': "Label selector of the DaemonSet's pods. Must match the template's labels; immutable in apps/v1.",
  'DaemonSetSpec.template': "The pod to run on each node. Its nodeSelector, node affinity and tolerations decide which nodes qualify; changing it replaces the pods by the update strategy.",
  'DaemonSetSpec.updateStrategy': 'How pods are replaced when the template changes. Defaults to RollingUpdate.',
  'DaemonSetSpec.minReadySeconds': 'Seconds a new pod must be ready, without crashing, to count as available. Defaults to 0.',
  'DaemonSetSpec.revisionHistoryLimit': 'Old revisions kept for rollback. Defaults to 10.',
  'DaemonSetUpdateStrategy.type': 'RollingUpdate (the default) replaces pods node by node; OnDelete replaces a pod only when you delete it.',
  'DaemonSetUpdateStrategy.rollingUpdate': 'How fast a RollingUpdate goes. Only for type RollingUpdate.',
  'RollingUpdateDaemonSet.maxUnavailable': 'How many nodes (a number or a percentage of them) may be without an available pod during the update. Defaults to 1; must be 0 when maxSurge is not.',
  'RollingUpdateDaemonSet.maxSurge': 'How many nodes (a number or a percentage of them) may run a new pod beside the old one during the update. Defaults to 0.',
};

/** DAEMONSET_TYPES are the types' own descriptions. */
export const DAEMONSET_TYPES: Record<string, string> = {
  DaemonSet: 'A DaemonSet runs one copy of a pod on every node that qualifies, such as a log agent or kube-proxy. Nodes that join get the pod; nodes that leave lose it.',
  DaemonSetSpec: 'DaemonSetSpec is the desired state of a DaemonSet.',
  DaemonSetUpdateStrategy: 'DaemonSetUpdateStrategy says how pods are replaced when the template changes.',
  RollingUpdateDaemonSet: 'Controls the pace of a DaemonSet rolling update.',
};
