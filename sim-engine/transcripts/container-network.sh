# busybox's ip and ping inside pods: pods answer ping, a Service's ClusterIP never does.
kubectl run box --image=busybox -- sleep 3600
kubectl run web --image=nginx --port=80
kubectl expose pod web
sleep 10
kubectl get pods -o wide
kubectl exec box -- ip addr
kubectl exec box -- ip route
kubectl exec box -- ping -c 3 10.244.3.2
kubectl exec box -- ping -c 2 box
kubectl exec box -- ping -c 2 web
kubectl get svc web
kubectl exec box -- ping -c 2 nope
kubectl exec box -- ip link set eth0 down
kubectl exec web -- ip a
kubectl exec web -- ping -c 1 10.244.2.2
