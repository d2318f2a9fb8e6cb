# kubectl create: generators (deployment, service, namespace), -f, dry runs and errors.
kubectl create deployment web --image=nginx:1.25 --replicas=3 --port=80 --dry-run=client -o yaml
kubectl create deployment web --image=nginx:1.25 --dry-run=client -o json
kubectl create deployment web --image=nginx:1.25 --replicas=3
kubectl create deployment web --image=nginx:1.25
kubectl create deployment multi --image=busybox:1.36 --image=registry.k8s.io/pause:3.10 --dry-run=client -o jsonpath='{.spec.template.spec.containers[*].name}{"\n"}'
kubectl create deployment sleeper --image=busybox -- sleep 3600
kubectl get deploy sleeper -o jsonpath='{.spec.template.spec.containers[0].command}{"\n"}'
kubectl create deployment
kubectl create deployment --image=nginx
kubectl create deployment a b --image=nginx
kubectl create deployment web2 --image=nginx --replicas=two
kubectl create deployment web2 --image=nginx -o wide
kubectl create service clusterip web --tcp=80:8080
kubectl create service nodeport web-np --tcp=80:8080 --node-port=30080 --dry-run=server -o yaml
kubectl create service clusterip web --tcp=80:8080
kubectl create service clusterip db
kubectl create service clusterip db --tcp=5432:postgres --dry-run=client -o yaml
kubectl create service clusterip db --tcp=abc
kubectl create service
kubectl create namespace dev
kubectl create namespace dev
kubectl create ns dev2 --dry-run=client -o yaml
kubectl create -n dev deployment api --image=nginx
kubectl get deploy -n dev
kubectl create configmap settings --from-literal=a=b
kubectl create foo
kubectl create
cat > pod.yaml <<'YAML'
apiVersion: v1
kind: Pod
metadata:
  name: hello
  labels:
    app: hello
spec:
  containers:
  - name: hello
    image: busybox:1.36
    command: ["sh", "-c", "echo hello && sleep 3600"]
YAML
kubectl create -f pod.yaml --dry-run=client -o yaml
kubectl create -f pod.yaml
kubectl create -f pod.yaml
kubectl create -f pod.yaml --save-config --dry-run=client -o jsonpath='{.metadata.annotations}{"\n"}'
kubectl create deployment web --image=nginx --help
