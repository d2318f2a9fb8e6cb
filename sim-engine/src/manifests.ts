/**
 * @wheelhouse/sim-engine/manifests: checking a manifest as kubectl and the API server would,
 * without changing the cluster, for the browser's manifest editor. It carries the go-yaml
 * decoder and the API schema, which the sandbox otherwise loads only with kubectl's verbs, so it
 * is its own entry: a page that never opens the editor never downloads it.
 */
export { validateManifest, type ManifestDiagnostic, type ValidateOptions } from './kubectl/validate-manifest.ts';
