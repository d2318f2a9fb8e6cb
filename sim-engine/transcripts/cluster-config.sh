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
kubectl config set-cluster demo --server=https://10.0.0.9:6443
kubectl config set-credentials bob --token=abc123
kubectl config set-context demo --cluster=demo --user=bob
kubectl --context=demo get pods
kubectl config get-clusters
kubectl config set-credentials bob --username=bob --password=secret
kubectl config view --minify --context=demo
kubectl config set-credentials bob --token=t --username=u
kubectl config set-cluster demo --certificate-authority=/nope --embed-certs
kubectl config delete-context demo
kubectl config delete-user bob
kubectl config delete-cluster demo
kubectl config delete-cluster demo
kubectl get pods
kubectl config foo
