# A pod's life: created, scheduled, pulled, running, described, deleted.
kubectl run web --image=nginx
kubectl get pods
sleep 1
kubectl get pods -o wide
sleep 5
kubectl get pods
kubectl describe pod web
kubectl delete pod web
kubectl get pods
