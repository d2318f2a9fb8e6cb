# kubectl get beyond pods: workloads, endpoints, `get all`, selectors, sorting and watching.
kubectl create deployment web --image=nginx:1.25 --replicas=3
kubectl expose deployment web --port=80
sleep 10
kubectl get all
kubectl get deployments -o wide
kubectl get rs -o wide
kubectl get endpoints
kubectl get endpointslices
kubectl get deploy,svc --show-kind --no-headers
kubectl get pods --field-selector status.phase=Running -o name
kubectl get pods -A --field-selector spec.nodeName=node-1
kubectl get pods --field-selector spec.replicas=3
kubectl get events --field-selector reason=ScalingReplicaSet
kubectl get pods -A --sort-by=.metadata.creationTimestamp
kubectl get pods --sort-by=.status.podIP -o custom-columns=NAME:.metadata.name,IP:.status.podIP
kubectl get pods --sort-by=.spec.nope
kubectl scale deployment web --replicas=4
timeout 5 kubectl get pods -w
timeout 3 kubectl get deploy web -w --output-watch-events
kubectl get pods,svc -w
kubectl get pod web -l app=web
kubectl get all -A --field-selector metadata.namespace=default
