# Events live for an hour after their last write (kube-apiserver's --event-ttl), then they are gone.
kubectl run web --image=nginx:1.25
sleep 10
kubectl get events
sleep 3500
kubectl get events --field-selector involvedObject.name=web
sleep 100
kubectl get events
kubectl describe pod web | tail -2
kubectl get pods
