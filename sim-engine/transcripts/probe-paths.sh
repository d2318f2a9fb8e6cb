# The demo image answers /, /healthz and nothing else: a probe on a wrong path fails with 404.
cat > hello.yaml <<'YAML'
apiVersion: v1
kind: Pod
metadata:
  name: hello
spec:
  containers:
  - name: hello
    image: wheelhouse/hello:v1
    readinessProbe:
      httpGet:
        path: /ready
        port: 8080
      periodSeconds: 5
YAML
kubectl apply -f hello.yaml
sleep 20
kubectl get pods hello
kubectl get events --field-selector involvedObject.name=hello,reason=Unhealthy
kubectl delete pod hello --now
sed -i 's|path: /ready|path: /healthz|' hello.yaml
kubectl apply -f hello.yaml
sleep 20
kubectl get pods hello
kubectl run client --image=busybox:1.36 --restart=Never -- sleep 3600
sleep 10
kubectl exec client -- wget -qO- $(kubectl get pod hello -o jsonpath='{.status.podIP}'):8080/healthz
kubectl exec client -- wget -qO- $(kubectl get pod hello -o jsonpath='{.status.podIP}'):8080/nope
