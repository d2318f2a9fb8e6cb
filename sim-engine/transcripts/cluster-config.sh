# api-resources, version, cluster-info and the kubeconfig commands.
kubectl api-resources
kubectl api-resources --namespaced=false
kubectl api-resources --api-group=apps -o wide
kubectl api-resources -o name --sort-by=kind
kubectl api-resources -o foo
kubectl version
kubectl version --client
kubectl version -o yaml
kubectl version --client -o json
kubectl version -o foo
kubectl version --short
kubectl cluster-info
kubectl cluster-info dump
kubectl config current-context
kubectl config get-contexts
kubectl config get-contexts -o name
kubectl config get-contexts nope
kubectl config get-clusters
kubectl config get-users
kubectl config view
kubectl config view --minify -o jsonpath='{.contexts[0].context.cluster}{"\n"}'
kubectl config view -o json
kubectl config set-context --current --namespace=kube-system
kubectl config view --minify | grep namespace
kubectl get pods
kubectl config get-contexts
kubectl config set-context --current --namespace=default
kubectl get pods
kubectl config set-context
kubectl config set-context other --namespace=x
kubectl config use-context kubernetes-admin@wheelhouse
kubectl config use-context kind-kind
kubectl config set-cluster wheelhouse --server=https://example.com
kubectl config foo
