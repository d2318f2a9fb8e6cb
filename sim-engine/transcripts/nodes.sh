# Taking nodes out of service: cordon, drain, taint.
kubectl create deployment web --image=nginx:1.25 --replicas=3
kubectl run lonely --image=nginx
sleep 10
kubectl get pods -o wide
kubectl cordon node-1
kubectl cordon node-1
kubectl get nodes
kubectl uncordon node-1
kubectl drain node-3
kubectl drain node-3 --ignore-daemonsets
kubectl drain node-3 --ignore-daemonsets --force
kubectl get pods -o wide
kubectl uncordon node-3
kubectl taint nodes node-2 dedicated=gpu:NoSchedule
kubectl taint nodes node-2 dedicated=gpu:NoSchedule
kubectl taint nodes node-2 dedicated=cpu:NoSchedule --overwrite
kubectl describe node node-2 | grep Taints
kubectl taint nodes node-2 dedicated-
kubectl taint nodes node-2 dedicated-
kubectl taint nodes node-2 dedicated=gpu
kubectl taint nodes node-2 dedicated=gpu:Sometimes
kubectl cordon
