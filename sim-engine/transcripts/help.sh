# Help: kubectl --help, a command's --help and -h, subcommands, kubectl help TOPIC, kubectl options; delete --dry-run; cluster-info dump.
kubectl get --help
kubectl delete -h
kubectl rollout
kubectl rollout status --help
kubectl help create deploy
kubectl create service clusterip --help
kubectl config use-context --help
kubectl set --help
kubectl help nope
echo "exit $?"
kubectl help attach
kubectl config --help
kubectl options
kubectl run web --image=nginx
kubectl delete pod web --dry-run=client
kubectl delete pod web --dry-run=server
kubectl delete pod web --dry-run=client -o name
kubectl delete pod web -o yaml
kubectl delete pod web --dry-run=maybe
kubectl get pods
kubectl cluster-info dump
