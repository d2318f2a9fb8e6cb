# Errors read exactly as kubectl prints them.
kubectl get pods nope
kubectl get
kubectl get foo
kubectl gett pods
kubectl frobnicate
kubectl get pods --bogus
kubectl get pods -x
kubectl get pods -n
kubectl run
kubectl run web
kubectl run web --image=nginx --restart=Bogus
kubectl run Web --image=nginx
kubectl delete
kubectl delete pod
kubectl describe
kubectl describe pod nope
kubectl get pods -o foo
kubectl get statefulsets
kubectl get controllerrevisions -n kube-system
kubectl get pc
