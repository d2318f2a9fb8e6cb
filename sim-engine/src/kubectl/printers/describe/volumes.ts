/** describeVolumes writes the Volumes section for the volume kinds the simulator has. */
import type { Volume } from '../../../api/pod.ts';
import type { PrefixWriter } from '../prefix-writer.ts';

/** describeVolumes prints each volume's type and source, or `Volumes:  <none>`. */
export function describeVolumes(w: PrefixWriter, volumes: readonly Volume[] | undefined, space = ''): void {
  if (!volumes?.length) {
    w.write(0, `${space}Volumes:\t<none>\n`);
    return;
  }
  w.write(0, `${space}Volumes:\n`);
  for (const v of volumes) {
    w.write(1, `${space ? ' ' : ''}${v.name}:\n`);
    if (v.projected) {
      w.write(2, 'Type:\tProjected (a volume that contains injected data from multiple sources)\n');
      const sources = (v.projected.sources ?? []) as Record<string, Record<string, unknown>>[];
      for (const s of sources) {
        if (s.downwardAPI) w.write(2, 'DownwardAPI:\ttrue\n');
        else if (s.configMap) w.write(2, `ConfigMapName:\t${String(s.configMap.name)}\n    ConfigMapOptional:\t${s.configMap.optional === undefined ? '<nil>' : String(s.configMap.optional)}\n`);
        else if (s.serviceAccountToken) w.write(2, `TokenExpirationSeconds:\t${String(s.serviceAccountToken.expirationSeconds)}\n`);
      }
    } else if (v.emptyDir) {
      const medium = (v.emptyDir.medium as string | undefined) ?? '';
      const size = (v.emptyDir.sizeLimit as string | undefined) ?? '<unset>';
      w.write(2, `Type:\tEmptyDir (a temporary directory that shares a pod's lifetime)\n    Medium:\t${medium}\n    SizeLimit:\t${size}\n`);
    } else if (v.hostPath) {
      w.write(2, `Type:\tHostPath (bare host directory volume)\n    Path:\t${v.hostPath.path}\n    HostPathType:\t${v.hostPath.type ?? ''}\n`);
    } else if (v.configMap) {
      w.write(2, `Type:\tConfigMap (a volume populated by a ConfigMap)\n    Name:\t${String(v.configMap.name)}\n    Optional:\t${String(v.configMap.optional ?? false)}\n`);
    } else {
      w.write(2, '<unknown>\n');
    }
  }
}
