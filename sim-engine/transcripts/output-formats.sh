# Machine-readable output: -o name, yaml, json, jsonpath and custom-columns.
kubectl run web --image=nginx:1.25 --port=80 --labels=app=web,tier=frontend
kubectl run web --image=nginx --dry-run=client -o yaml
sleep 3
kubectl get pods -o name
kubectl get pod web -o yaml
kubectl get pod web -o json
kubectl get pods -o jsonpath='{.items[*].metadata.name}'
echo
kubectl get pods -o jsonpath='{range .items[*]}{.metadata.name}{"\t"}{.status.podIP}{"\n"}{end}'
kubectl get pods -o custom-columns=NAME:.metadata.name,IMAGE:.spec.containers[*].image,NODE:.spec.nodeName
kubectl get pods --show-labels
kubectl get pods -L app,tier
kubectl get pods -l tier=frontend
kubectl get pods -l 'tier in (backend)'
kubectl get pod web -o jsonpath='{.spec.replicas'
kubectl get svc,pods
kubectl get nodes --no-headers
