# What the principles chapter looks at: the API server's health and discovery endpoints, kubectl's request log, component health, node leases and heartbeats.
kubectl get --raw /healthz; echo
kubectl get --raw /livez; echo
kubectl get --raw /readyz; echo
kubectl get --raw /version; echo
kubectl get --raw /api
kubectl get --raw /apis
kubectl get --raw /api/v1/namespaces/default/pods
kubectl get --raw /nope
kubectl get --raw healthz
kubectl get --raw /healthz pods
kubectl get --raw /healthz -o json
kubectl get pods -v=6
kubectl run web --image=nginx -v=6
kubectl get pods -l run=web -v=6
kubectl get pod missing -v=6
kubectl -v=6 get --raw /healthz; echo
kubectl get pods -v=7
kubectl get componentstatuses
kubectl get cs etcd-0 -o name
kubectl get leases -n kube-node-lease
kubectl -n kube-node-lease get lease node-1 -o yaml
kubectl get leases
kubectl -n kube-system get leases
kubectl describe node node-1 | grep -A3 Conditions
sleep 300
kubectl describe node node-1 | grep -A3 Conditions
kubectl -n kube-node-lease get lease node-1 -o jsonpath='{.spec.renewTime}{"\n"}'
