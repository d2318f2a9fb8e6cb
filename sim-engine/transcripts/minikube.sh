# scenario: bare-machines.yaml
# A one-node cluster with minikube instead: start it, use it, stop it, start it again.
# Run by hand: npm run -s ksim -- --echo --scenario sim-engine/transcripts/bare-machines.yaml sim-engine/transcripts/minikube.sh
kubectl get nodes
minikube status
minikube start
kubectl get nodes
kubectl get pods -A
minikube status
kubectl run web --image=nginx
sleep 10
kubectl get pods -o wide
minikube ip
minikube stop
minikube status
kubectl get pods
minikube start
kubectl get pods
minikube kubectl -- get nodes
minikube addons list
