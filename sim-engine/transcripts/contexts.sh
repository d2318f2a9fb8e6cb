# Global flags before the verb, the kubeconfig file as the one source of contexts, and verbs that default to the context's namespace.
kubectl create ns dev
kubectl -n dev get pods
kubectl --namespace=dev get pods
kubectl --namespace dev run a --image=nginx
kubectl -n dev get pods -o name
kubectl -A get pods
kubectl --all-namespaces get pods
kubectl -n dev bogus
kubectl -A
kubectl -n
kubectl bogus
kubectl config set-context --current --namespace=dev
kubectl run x --image=nginx
kubectl run y --image=nginx --dry-run=client -o yaml | grep namespace
kubectl get pods -o name
kubectl create deployment web --image=nginx
kubectl expose deployment web --port=80
kubectl scale deployment web --replicas=2
kubectl label deployment web tier=front
kubectl set image deployment/web nginx=nginx:1.27
kubectl rollout status deployment web
kubectl get deploy,svc -o name
kubectl logs x | head -1
kubectl exec x -- hostname
kubectl delete deployment web
kubectl get pods -n default
kubectl config set-context --current --namespace=
cat ~/.kube/config
kubectl config view
kubectl config view --raw | grep -c LS0tLS1CRUdJTi
kubectl config set-context dev --cluster=wheelhouse --user=kubernetes-admin --namespace=dev
kubectl config set-context dev --namespace=dev
kubectl config get-contexts
kubectl --context dev get pods -o name
kubectl --context=dev run z --image=nginx
kubectl get pods
kubectl config use-context dev
kubectl get pods -o name
kubectl config current-context
kubectl config rename-context dev development
kubectl config rename-context nope x
kubectl config rename-context development kubernetes-admin@wheelhouse
kubectl config get-contexts -o name
kubectl config use-context nope
kubectl --context nope get pods
kubectl config set-context broken --cluster=nowhere --user=kubernetes-admin
kubectl --context broken get pods
kubectl config set-context ghost --cluster=wheelhouse --user=ghost
kubectl --context ghost get pods
kubectl config delete-context development
kubectl get pods
kubectl config delete-context development
kubectl config use-context kubernetes-admin@wheelhouse
kubectl config view --minify --context broken
kubectl config view --minify --context nope
kubectl config get-clusters
kubectl config get-users
cp ~/.kube/config /tmp/other
KUBECONFIG=/tmp/other kubectl config current-context
kubectl --kubeconfig /tmp/other config get-contexts ghost
kubectl --kubeconfig /tmp/missing get pods
echo 'clusters: 5' > /tmp/bad
kubectl --kubeconfig /tmp/bad get pods
rm ~/.kube/config
kubectl config get-contexts
kubectl config view
kubectl config current-context
kubectl get pods
