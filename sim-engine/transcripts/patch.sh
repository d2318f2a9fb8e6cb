# kubectl patch: strategic merge (the default), JSON merge and JSON (RFC 6902) patches, and their errors.
kubectl create deployment web --image=nginx --replicas=2
kubectl patch deployment web -p '{"spec":{"replicas":3}}'
kubectl patch deployment web -p '{"spec":{"replicas":3}}'
kubectl get deployment web -o jsonpath='{.spec.replicas}{"\n"}'
# YAML works too; a merge patch replaces lists, a strategic one merges containers by name.
kubectl patch deploy/web --type=merge -p 'metadata: {labels: {tier: web}}'
kubectl patch deploy web -p '{"spec":{"template":{"spec":{"containers":[{"name":"nginx","env":[{"name":"MODE","value":"blue"}]}]}}}}'
kubectl get deploy web -o jsonpath='{.spec.template.spec.containers[*].name} {.spec.template.spec.containers[0].env}{"\n"}'
kubectl patch deploy web --type=json -p '[{"op":"replace","path":"/spec/template/spec/containers/0/image","value":"nginx:1.27"}]'
kubectl rollout status deploy/web
kubectl patch deploy web --type=json -p '[{"op":"test","path":"/spec/replicas","value":5},{"op":"replace","path":"/spec/replicas","value":1}]'
kubectl patch deploy web --type=json -p '[{"op":"remove","path":"/spec/paused"}]'
kubectl patch deploy web --type=json -p '{"op":"add","path":"/spec/paused","value":true}'
kubectl patch deploy web -p '{"spec":{"replica":2}}'
kubectl patch deploy web -p '{"spec":{"replicas":"two"}}'
kubectl patch deploy web -p '{"spec":{"selector":{"matchLabels":{"app":"other"}}}}'
kubectl patch deploy web -p '{spec: {replicas: 2}}'
kubectl patch deploy web -p 'spec: [oops'
kubectl patch deploy web -p '"text"'
kubectl patch deploy web --type=frob -p '{}'
kubectl patch deploy web
kubectl patch deploy nope -p '{}'
kubectl patch deploy web -p '{"spec":{"replicas":1}}' --dry-run=client -o jsonpath='{.spec.replicas}{"\n"}'
kubectl patch deploy web -p '{"spec":{"replicas":1}}' --dry-run=server
kubectl get deploy web -o jsonpath='{.spec.replicas}{"\n"}'
printf 'spec:\n  replicas: 2\n' > replicas.yaml
kubectl patch deploy web --patch-file replicas.yaml -o name
kubectl patch deploy web --patch-file missing.yaml
kubectl get deploy web -o yaml > web.yaml
kubectl patch --local -f web.yaml -p '{"spec":{"replicas":9}}' -o jsonpath='{.spec.replicas}{"\n"}'
kubectl patch --local deploy/web -p '{}'
kubectl patch node node-1 -p '{"spec":{"unschedulable":true}}'
kubectl get nodes node-1
kubectl patch node node-1 -p '{"spec":{"unschedulable":false}}'
