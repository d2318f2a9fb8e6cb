# Deleting a namespace: Terminating while its pods use their grace period, then gone; kubectl delete waits for it.
kubectl create ns dev
kubectl -n dev run sleeper --image=busybox -- sleep 3600
kubectl -n dev run web --image=nginx
kubectl -n dev create deployment api --image=nginx --replicas=2
sleep 10
kubectl delete ns dev --wait=false
kubectl get ns
kubectl -n dev get pods
kubectl -n dev run late --image=nginx
kubectl get ns dev -o jsonpath='{.status.phase} {.status.conditions[?(@.type=="NamespaceContentRemaining")].message}{"\n"}'
sleep 5
kubectl -n dev get pods
kubectl delete ns dev
kubectl create ns qa
kubectl -n qa run sleeper --image=busybox -- sleep 3600
sleep 5
date +%T
kubectl delete ns qa
date +%T
kubectl get ns
kubectl get ns qa
kubectl delete ns default
