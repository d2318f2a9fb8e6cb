# A tag that does not exist: ErrImagePull, then ImagePullBackOff with growing back-off.
kubectl run broken --image=nginx:doesnotexist
sleep 3
kubectl get pods
sleep 30
kubectl get pods
kubectl describe pod broken
