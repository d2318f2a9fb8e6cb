# kubectl describe for deployments, replica sets, services, endpoints and nodes.
kubectl create deployment web --image=nginx:1.25 --replicas=3
kubectl expose deployment web --port=80 --type=NodePort
sleep 10
kubectl describe deployment web
kubectl describe rs
kubectl describe service web
kubectl describe endpoints web
kubectl describe node node-2
kubectl describe node control-plane --show-events=false
kubectl describe deployment nope
