# What a fresh sandbox cluster looks like.
kubectl get nodes
kubectl get nodes -o wide
kubectl get namespaces
kubectl get services
kubectl get pods -A
kubectl get pods --all-namespaces -o wide
